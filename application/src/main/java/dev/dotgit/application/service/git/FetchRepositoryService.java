package dev.dotgit.application.service.git;

import dev.dotgit.application.port.in.git.FetchRepositoryUseCase;
import dev.dotgit.application.port.in.git.GitRepositoryPath;
import dev.dotgit.application.port.out.git.ServeGitProtocolPort;
import dev.dotgit.application.port.out.git.ServeGitProtocolPort.GitService;
import dev.dotgit.application.port.out.repository.LoadRepositoryPort;
import dev.dotgit.application.service.access.VisibleObjects;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.repository.Repository;
import java.io.InputStream;
import java.io.OutputStream;

public final class FetchRepositoryService implements FetchRepositoryUseCase {

    private final GitRepositories repositories;
    private final ServeGitProtocolPort git;

    public FetchRepositoryService(LoadRepositoryPort repositories, VisibleObjects visible, ServeGitProtocolPort git) {
        this.repositories = new GitRepositories(repositories, visible);
        this.git = git;
    }

    @Override
    public void advertiseRefs(Caller caller, GitRepositoryPath path, OutputStream out) {
        Repository repository = repositories.authorise(caller, path, Scope.READ);
        GitRepositories.speaking(() -> git.advertise(repository.id(), GitService.UPLOAD_PACK, out));
    }

    @Override
    public void fetch(Caller caller, GitRepositoryPath path, InputStream in, OutputStream out) {
        Repository repository = repositories.authorise(caller, path, Scope.READ);
        GitRepositories.speaking(() -> git.uploadPack(repository.id(), in, out));
    }
}
