package dev.dotgit.adapter.filesystem;

import dev.dotgit.application.port.out.contract.BuildWorkspacePortContract;
import dev.dotgit.application.port.out.workspace.BuildWorkspacePort;
import java.nio.file.Path;

class DiskBuildWorkspacesContractTest extends BuildWorkspacePortContract {

    @Override
    protected BuildWorkspacePort createPort(Path directory) {
        return new DiskBuildWorkspaces(directory);
    }
}
