package dev.dotgit.adapter.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.dotgit.domain.deployment.DeploymentId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskBuildWorkspacesTest {

    @TempDir
    Path temp;

    @Test
    void aWorkspaceIsNamedAfterItsDeployment() {
        DeploymentId deployment = DeploymentId.generate();

        Path workspace = new DiskBuildWorkspaces(temp.resolve("workspaces")).create(deployment);

        assertThat(workspace).isEqualTo(temp.resolve("workspaces").resolve(deployment.value()));
    }

    @Test
    void aLeftoverFileUnderTheWorkspaceNameIsReplaced() throws IOException {
        DeploymentId deployment = DeploymentId.generate();
        Path root = Files.createDirectories(temp.resolve("workspaces"));
        Files.writeString(root.resolve(deployment.value()), "not a directory");

        Path workspace = new DiskBuildWorkspaces(root).create(deployment);

        assertThat(workspace).isEmptyDirectory();
    }

    @Test
    void directoriesABuildMadeReadOnlyAreRemovedToo() throws IOException {
        // The superuser may write anywhere, so only another user can see the permissions matter.
        assumeFalse("root".equals(System.getProperty("user.name")), "permissions do not bind the superuser");
        DiskBuildWorkspaces workspaces = new DiskBuildWorkspaces(temp.resolve("workspaces"));
        DeploymentId deployment = DeploymentId.generate();
        Path workspace = workspaces.create(deployment);
        Path module = Files.createDirectories(workspace.resolve("go/pkg/mod/example.com/lib@v1"));
        Files.writeString(module.resolve("lib.go"), "package lib");
        Path unreadable = Files.createDirectories(workspace.resolve("locked"));
        Files.writeString(unreadable.resolve("inside.txt"), "x");
        Files.setPosixFilePermissions(module, PosixFilePermissions.fromString("r-xr-xr-x"));
        Files.setPosixFilePermissions(module.getParent(), PosixFilePermissions.fromString("r-xr-xr-x"));
        Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));

        workspaces.delete(deployment);

        assertThat(workspace).doesNotExist();
    }
}
