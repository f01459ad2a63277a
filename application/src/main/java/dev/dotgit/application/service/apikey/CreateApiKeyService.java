package dev.dotgit.application.service.apikey;

import dev.dotgit.application.port.in.apikey.CreateApiKeyCommand;
import dev.dotgit.application.port.in.apikey.CreateApiKeyUseCase;
import dev.dotgit.application.port.in.apikey.IssuedApiKey;
import dev.dotgit.application.port.in.validation.Violations;
import dev.dotgit.application.port.out.apikey.LoadApiKeyPort;
import dev.dotgit.application.port.out.apikey.SaveApiKeyPort;
import dev.dotgit.application.port.out.project.LoadProjectPort;
import dev.dotgit.application.service.access.GrantedAccess;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.ApiKey;
import dev.dotgit.domain.apikey.ApiKeyId;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.apikey.SecretKey;
import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.project.ProjectId;
import dev.dotgit.domain.shared.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Issues keys under the rule of CONTRACT §2.2: only an unrestricted admin key issues keys,
 * and a new key never reaches further than its issuer (scopes it holds, projects of its
 * account, and time: a key that expires cannot issue one that outlives it, or a short-lived
 * admin key would mint a permanent one). Since an unrestricted admin holds every scope and
 * every project, the scope and project checks matter for callers that are not plain keys
 * (service-account tokens, say), and keep the rule in one place whoever calls. An issuer
 * revoked while it issues ends like any request authenticated just before a revocation: the
 * new key stands, and its owner revokes it like any other.
 */
public final class CreateApiKeyService implements CreateApiKeyUseCase {

    /** Bounds the stored restriction list (and the lookups a create makes). */

    private final LoadProjectPort projects;
    private final LoadApiKeyPort issuers;
    private final SaveApiKeyPort saveKeys;
    private final RunInTransactionPort transactions;
    private final Clock clock;

    public CreateApiKeyService(LoadProjectPort projects, LoadApiKeyPort issuers, SaveApiKeyPort saveKeys,
                               RunInTransactionPort transactions, Clock clock) {
        this.projects = projects;
        this.issuers = issuers;
        this.saveKeys = saveKeys;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public IssuedApiKey create(Caller caller, CreateApiKeyCommand command) {
        caller.require(Scope.ADMIN);
        caller.requireUnrestricted("create API keys");
        for (Scope scope : command.scopes()) {
            caller.require(scope);
        }
        Instant now = Timestamps.now(clock);
        Set<ProjectId> restrictedTo = validate(caller, command, now);
        SecretKey secret = SecretKey.generate();
        ApiKey key = ApiKey.issue(caller.account(), command.name(), secret, command.scopes(), restrictedTo,
                command.environments(), command.expiresAt().map(Timestamps::normalize).orElse(null), now);
        ApiKey stored = transactions.inTransaction(() -> saveKeys.insert(key));
        return new IssuedApiKey(stored, secret.reveal());
    }

    private Set<ProjectId> validate(Caller caller, CreateApiKeyCommand command, Instant now) {
        Violations violations = new Violations();
        if (command.name().length() > ApiKey.MAX_NAME_LENGTH) {
            violations.add(InvalidInput.outOfRange("name", null,
                    "Must be at most " + ApiKey.MAX_NAME_LENGTH + " characters"));
        } else if (command.name().chars().anyMatch(Character::isISOControl)) {
            violations.add(InvalidInput.badFormat("name", null, "Must not contain control characters"));
        }
        GrantedAccess.requireSomeScope(command.scopes(), violations);
        Set<ProjectId> restrictedTo = GrantedAccess.restrictedProjects(caller, command.projectIds(), projects,
                violations);
        if (command.expiresAt().isPresent() && !command.expiresAt().get().isAfter(now)) {
            violations.add(InvalidInput.outOfRange("expires_at", command.expiresAt().get().toString(),
                    "Must be in the future"));
        }
        issuerExpiry(caller).ifPresent(limit -> {
            if (command.expiresAt().isEmpty()) {
                violations.add(InvalidInput.outOfRange("expires_at", null, "Must be given, no later than "
                        + limit + ", when the key making this request expires"));
            } else if (command.expiresAt().get().isAfter(limit)) {
                violations.add(InvalidInput.outOfRange("expires_at", command.expiresAt().get().toString(),
                        "Must be no later than " + limit
                                + ", when the key making this request expires"));
            }
        });
        violations.throwIfAny();
        return restrictedTo;
    }

    /** When the calling key stops working; empty for a key that never expires or a caller that is no key. */
    private Optional<Instant> issuerExpiry(Caller caller) {
        return ApiKeyId.parse(caller.principal())
                .flatMap(id -> issuers.findById(caller.account(), id))
                .flatMap(key -> Optional.ofNullable(key.expiresAt()));
    }
}
