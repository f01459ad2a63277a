package dev.dotgit.adapter.git;

import dev.dotgit.application.port.out.contract.SourceRepositoryPortContract;
import dev.dotgit.application.port.out.source.SourceRepositoryPort;
import java.nio.file.Path;

class JGitSourceRepositoriesContractTest extends SourceRepositoryPortContract {

    @Override
    protected SourceRepositoryPort createPort(Path directory) {
        return new JGitSourceRepositories(directory);
    }
}
