package dev.dotgit.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.application.port.out.workspace.BuildWorkspacePort;
import dev.dotgit.domain.deployment.DeploymentId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link BuildWorkspacePort} must do. A build writes whatever it likes into its
 * workspace, links to anywhere included, so removal must never reach outside it.
 */
public abstract class BuildWorkspacePortContract {

    @TempDir
    protected Path temp;

    protected BuildWorkspacePort workspaces;

    /** The port under test, keeping its workspaces under {@code directory} (which does not exist yet). */
    protected abstract BuildWorkspacePort createPort(Path directory);

    @BeforeEach
    void createPortUnderTest() {
        workspaces = createPort(temp.resolve("workspaces"));
    }

    @Test
    void createGivesAnExistingEmptyAbsoluteDirectory() throws IOException {
        Path workspace = workspaces.create(DeploymentId.generate());

        assertThat(workspace).isAbsolute();
        assertThat(Files.isDirectory(workspace, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(entriesOf(workspace)).isZero();
    }

    @Test
    void eachDeploymentGetsItsOwnWorkspace() throws IOException {
        Path first = workspaces.create(DeploymentId.generate());
        Path second = workspaces.create(DeploymentId.generate());
        Files.writeString(first.resolve("built.txt"), "first");

        assertThat(second).isNotEqualTo(first);
        assertThat(entriesOf(second)).isZero();
    }

    @Test
    void creatingAgainRemovesWhatAnEarlierAttemptLeft() throws IOException {
        DeploymentId deployment = DeploymentId.generate();
        Path first = workspaces.create(deployment);
        Files.createDirectories(first.resolve("node_modules/deep/er"));
        Files.writeString(first.resolve("node_modules/deep/er/file.js"), "x");
        Files.writeString(first.resolve("half-built.html"), "x");

        Path second = workspaces.create(deployment);

        assertThat(Files.isDirectory(second)).isTrue();
        assertThat(entriesOf(second)).isZero();
    }

    @Test
    void deleteRemovesTheWorkspaceAndEverythingInIt() throws IOException {
        DeploymentId deployment = DeploymentId.generate();
        Path workspace = workspaces.create(deployment);
        Files.createDirectories(workspace.resolve("dist/assets"));
        Files.writeString(workspace.resolve("dist/assets/app.js"), "x");

        workspaces.delete(deployment);

        assertThat(workspace).doesNotExist();
    }

    @Test
    void deletingAWorkspaceThatDoesNotExistDoesNothing() {
        DeploymentId kept = DeploymentId.generate();
        Path workspace = workspaces.create(kept);

        workspaces.delete(DeploymentId.generate());
        workspaces.delete(DeploymentId.generate());

        assertThat(workspace).isDirectory();
    }

    @Test
    void deleteRemovesLinksButNeverWhatTheyPointTo() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("precious.txt"), "keep me");
        DeploymentId deployment = DeploymentId.generate();
        Path workspace = workspaces.create(deployment);
        Files.createSymbolicLink(workspace.resolve("to-directory"), outside);
        Files.createSymbolicLink(workspace.resolve("to-file"), outside.resolve("precious.txt"));
        Files.createDirectories(workspace.resolve("sub"));
        Files.createSymbolicLink(workspace.resolve("sub/up"), temp);
        Files.createSymbolicLink(workspace.resolve("dangling"), temp.resolve("nothing-here"));

        workspaces.delete(deployment);

        assertThat(workspace).doesNotExist();
        assertThat(outside.resolve("precious.txt")).hasContent("keep me");
    }

    @Test
    void createReplacesALeftoverLinkWithoutTouchingItsTarget() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("precious.txt"), "keep me");
        DeploymentId deployment = DeploymentId.generate();
        Path workspace = workspaces.create(deployment);
        workspaces.delete(deployment);
        Files.createSymbolicLink(workspace, outside);

        Path recreated = workspaces.create(deployment);

        assertThat(Files.isSymbolicLink(recreated)).isFalse();
        assertThat(Files.isDirectory(recreated, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(entriesOf(recreated)).isZero();
        assertThat(outside.resolve("precious.txt")).hasContent("keep me");
    }

    private static long entriesOf(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.count();
        }
    }
}
