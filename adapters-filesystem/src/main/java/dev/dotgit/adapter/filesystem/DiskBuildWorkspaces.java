package dev.dotgit.adapter.filesystem;

import dev.dotgit.application.port.out.workspace.BuildWorkspacePort;
import dev.dotgit.domain.deployment.DeploymentId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One directory per deployment, {@code <root>/<deploymentId>}, where it is checked out and
 * built. Only the pipeline running a deployment touches its workspace, and the build port
 * kills a build's processes before it returns, so nothing writes into a workspace while it
 * is created or removed.
 */
public final class DiskBuildWorkspaces implements BuildWorkspacePort {

    private final Path root;

    public DiskBuildWorkspaces(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Path create(DeploymentId deployment) {
        Path workspace = workspaceOf(deployment);
        try {
            // A run that died with its node may have left a workspace (or a link) under this name.
            FileTrees.delete(workspace);
            Files.createDirectories(root);
            return Files.createDirectory(workspace);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the build workspace of " + deployment, e);
        }
    }

    @Override
    public void delete(DeploymentId deployment) {
        try {
            FileTrees.delete(workspaceOf(deployment));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the build workspace of " + deployment, e);
        }
    }

    private Path workspaceOf(DeploymentId deployment) {
        return root.resolve(deployment.value());
    }
}
