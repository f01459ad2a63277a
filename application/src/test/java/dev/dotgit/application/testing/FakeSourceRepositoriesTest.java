package dev.dotgit.application.testing;

import dev.dotgit.application.port.out.contract.SourceRepositoryPortContract;
import dev.dotgit.application.port.out.source.SourceRepositoryPort;
import java.nio.file.Path;

/** The fake the use-case tests rely on keeps the same contract as the git adapter. */
class FakeSourceRepositoriesTest extends SourceRepositoryPortContract {

    @Override
    protected SourceRepositoryPort createPort(Path directory) {
        return new FakeSourceRepositories();
    }
}
