package dev.dotgit.application.service.repository;

import dev.dotgit.application.port.in.repository.CreateRepositoryCommand;
import dev.dotgit.application.port.in.repository.CreateRepositoryUseCase;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.project.BuildSettings;
import dev.dotgit.domain.repository.Repository;
import java.util.Optional;

public final class CreateRepositoryService implements CreateRepositoryUseCase {

    private final RepositoryProvisioning provisioning;

    public CreateRepositoryService(RepositoryProvisioning provisioning) {
        this.provisioning = provisioning;
    }

    @Override
    public Repository create(Caller caller, CreateRepositoryCommand command) {
        caller.require(Scope.WRITE);
        if (!command.owner().equals(caller.account())) {
            // Another account's slug is answered like a slug that does not exist.
            throw new NotFound("account", command.owner().value());
        }
        caller.requireUnrestricted("create repositories");
        return provisioning.provision(command.owner(), command.name(), command.isPrivate(), command.description(),
                Optional.empty(), BuildSettings.NONE).repository();
    }
}
