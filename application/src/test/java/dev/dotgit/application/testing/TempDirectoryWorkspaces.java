package dev.dotgit.application.testing;

import dev.dotgit.application.port.out.workspace.BuildWorkspacePort;
import dev.dotgit.domain.deployment.DeploymentId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Workspaces as directories under a test's temporary folder. */
public final class TempDirectoryWorkspaces implements BuildWorkspacePort {

    private final Path root;

    public TempDirectoryWorkspaces(Path root) {
        this.root = root;
    }

    @Override
    public Path create(DeploymentId deployment) {
        Path dir = root.resolve(deployment.value());
        delete(deployment);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(DeploymentId deployment) {
        deleteTree(root.resolve(deployment.value()));
    }

    public boolean exists(DeploymentId deployment) {
        return Files.exists(root.resolve(deployment.value()));
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
