package dev.dotgit.application.service.serviceaccount;

import dev.dotgit.application.port.in.serviceaccount.CreateServiceAccountCommand;
import dev.dotgit.application.port.in.serviceaccount.CreateServiceAccountUseCase;
import dev.dotgit.application.port.in.serviceaccount.CreatedServiceAccount;
import dev.dotgit.application.port.in.validation.Violations;
import dev.dotgit.application.port.out.project.LoadProjectPort;
import dev.dotgit.application.service.access.GrantedAccess;
import dev.dotgit.application.port.out.serviceaccount.SaveServiceAccountPort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.project.ProjectId;
import dev.dotgit.domain.serviceaccount.ClientSecret;
import dev.dotgit.domain.serviceaccount.ServiceAccount;
import dev.dotgit.domain.shared.Timestamps;
import java.time.Clock;
import java.util.Set;

/**
 * Creates service accounts under the rule for API keys (CONTRACT §2.2): only an unrestricted
 * admin may, and a service account never reaches further than its creator (scopes it holds,
 * projects it can see). The creator may itself be a service account's token.
 */
public final class CreateServiceAccountService implements CreateServiceAccountUseCase {

    /** Bounds the stored restriction list (and the lookups a create makes), as for API keys. */

    private final LoadProjectPort projects;
    private final SaveServiceAccountPort saveServiceAccounts;
    private final RunInTransactionPort transactions;
    private final Clock clock;

    public CreateServiceAccountService(LoadProjectPort projects, SaveServiceAccountPort saveServiceAccounts,
                                       RunInTransactionPort transactions, Clock clock) {
        this.projects = projects;
        this.saveServiceAccounts = saveServiceAccounts;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public CreatedServiceAccount create(Caller caller, CreateServiceAccountCommand command) {
        caller.require(Scope.ADMIN);
        caller.requireUnrestricted("manage service accounts");
        for (Scope scope : command.scopes()) {
            caller.require(scope);
        }
        Set<ProjectId> restrictedTo = validate(caller, command);
        ClientSecret secret = ClientSecret.generate();
        ServiceAccount serviceAccount = ServiceAccount.create(caller.account(), command.name(), secret,
                command.scopes(), restrictedTo, Timestamps.now(clock));
        ServiceAccount stored = transactions.inTransaction(() -> saveServiceAccounts.insert(serviceAccount));
        return new CreatedServiceAccount(stored, secret.reveal());
    }

    private Set<ProjectId> validate(Caller caller, CreateServiceAccountCommand command) {
        Violations violations = new Violations();
        String name = command.name();
        if (name.isBlank()) {
            violations.add(InvalidInput.missing("name"));
        } else if (name.length() > ServiceAccount.MAX_NAME_LENGTH) {
            violations.add(InvalidInput.outOfRange("name", null,
                    "Must be at most " + ServiceAccount.MAX_NAME_LENGTH + " characters"));
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            violations.add(InvalidInput.badFormat("name", null, "Must not contain control characters"));
        }
        GrantedAccess.requireSomeScope(command.scopes(), violations);
        Set<ProjectId> restrictedTo = GrantedAccess.restrictedProjects(caller, command.projectIds(), projects,
                violations);
        violations.throwIfAny();
        return restrictedTo;
    }
}
