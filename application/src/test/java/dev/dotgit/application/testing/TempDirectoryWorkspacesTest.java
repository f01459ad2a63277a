package dev.dotgit.application.testing;

import dev.dotgit.application.port.out.contract.BuildWorkspacePortContract;
import dev.dotgit.application.port.out.workspace.BuildWorkspacePort;
import java.nio.file.Path;

/** The fake the use-case tests rely on keeps the same contract as the disk adapter. */
class TempDirectoryWorkspacesTest extends BuildWorkspacePortContract {

    @Override
    protected BuildWorkspacePort createPort(Path directory) {
        return new TempDirectoryWorkspaces(directory);
    }
}
