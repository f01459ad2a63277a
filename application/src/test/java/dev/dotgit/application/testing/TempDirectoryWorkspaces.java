package dev.dotgit.application.testing;

import dev.dotgit.application.port.out.workspace.BuildWorkspacePort;
import dev.dotgit.domain.deployment.DeploymentId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Workspaces as directories under a test's temporary folder. */
public final class TempDirectoryWorkspaces implements BuildWorkspacePort {

    private final Path root;

    public TempDirectoryWorkspaces(Path root) {
        this.root = root.toAbsolutePath();
    }

    @Override
    public Path create(DeploymentId deployment) {
        Path dir = root.resolve(deployment.value());
        delete(deployment);
        try {
            Files.createDirectories(root);
            return Files.createDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(DeploymentId deployment) {
        deleteTree(root.resolve(deployment.value()));
    }

    public boolean exists(DeploymentId deployment) {
        return Files.exists(root.resolve(deployment.value()), LinkOption.NOFOLLOW_LINKS);
    }

    /** Deepest entries first; Files.walk does not follow links, so a link is removed and its target kept. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : deepestFirst) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
