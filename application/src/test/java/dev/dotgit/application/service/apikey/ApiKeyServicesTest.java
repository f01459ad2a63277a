package dev.dotgit.application.service.apikey;

import static dev.dotgit.application.testing.TestData.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.in.apikey.CreateApiKeyCommand;
import dev.dotgit.application.port.in.apikey.IssuedApiKey;
import dev.dotgit.application.port.in.paging.ListPosition;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.in.project.CreateProjectCommand;
import dev.dotgit.application.testing.PlatformTest;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.ApiKey;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.error.InsufficientScope;
import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.error.Unauthenticated;
import dev.dotgit.domain.project.ProjectId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code CreateApiKeyService}, {@code ListApiKeysService} and {@code RevokeApiKeyService}. */
class ApiKeyServicesTest extends PlatformTest {

    Caller admin;
    ProjectId web;

    @BeforeEach
    void setUp() {
        admin = platform.adminOf("acme");
        web = platform.createProject.create(admin, CreateProjectCommand.of("web", null, null, null, null)).project()
                .id();
    }

    private static CreateApiKeyCommand command(Set<Scope> scopes, Set<String> projects, Set<Environment> environments,
                                               Optional<Instant> expiresAt) {
        return new CreateApiKeyCommand("ci", scopes, projects, environments, expiresAt);
    }

    private IssuedApiKey issue(Scope... scopes) {
        IssuedApiKey issued = platform.createApiKey.create(admin, command(Set.of(scopes), Set.of(), Set.of(),
                Optional.empty()));
        platform.clock.advance(Duration.ofSeconds(1));
        return issued;
    }

    @Test
    void anIssuedKeyAuthenticatesWithExactlyItsScopesAndRestrictions() {
        IssuedApiKey issued = platform.createApiKey.create(admin, command(Set.of(Scope.READ, Scope.WRITE),
                Set.of(web.value()), Set.of(Environment.PREVIEW), Optional.of(platform.clock.instant().plusSeconds(3600))));

        Caller caller = platform.authenticateCaller.authenticate(issued.secret());

        assertThat(issued.secret()).startsWith("gsk_live_").endsWith(issued.key().lastFour());
        assertThat(issued.prefix()).isEqualTo("gsk_live_");
        assertThat(issued.toString()).doesNotContain(issued.secret());
        assertThat(caller.account()).isEqualTo(admin.account());
        assertThat(caller.principal()).isEqualTo(issued.key().id().value());
        assertThat(caller.scopes()).containsExactlyInAnyOrder(Scope.READ, Scope.WRITE);
        assertThat(caller.projects()).containsExactly(web);
        assertThat(caller.environments()).containsExactly(Environment.PREVIEW);
        assertThat(issued.key().expiresAt()).isEqualTo(platform.clock.instant().plusSeconds(3600));
    }

    @Test
    void anExpiredIssuedKeyNoLongerAuthenticates() {
        IssuedApiKey issued = platform.createApiKey.create(admin, command(Set.of(Scope.READ), Set.of(), Set.of(),
                Optional.of(platform.clock.instant().plusSeconds(60))));

        platform.clock.advance(Duration.ofSeconds(61));

        assertThatThrownBy(() -> platform.authenticateCaller.authenticate(issued.secret()))
                .isInstanceOfSatisfying(Unauthenticated.class,
                        e -> assertThat(e.reason()).isEqualTo(Unauthenticated.Reason.EXPIRED_OR_REVOKED));
    }

    @Test
    void onlyAnUnrestrictedAdminKeyIssuesKeys() {
        Caller writer = platform.register(anApiKey().of(admin.account()).scopes(Scope.WRITE).build());
        Caller restrictedAdmin = platform.register(anApiKey().of(admin.account()).restrictedTo(web).build());
        CreateApiKeyCommand readOnly = command(Set.of(Scope.READ), Set.of(), Set.of(), Optional.empty());

        assertThatThrownBy(() -> platform.createApiKey.create(writer, readOnly)).isInstanceOf(InsufficientScope.class);
        assertThatThrownBy(() -> platform.createApiKey.create(restrictedAdmin, readOnly))
                .isInstanceOf(InsufficientScope.class)
                .hasMessageContaining("restricted");
        assertThat(platform.listApiKeys.list(admin, PageRequest.first(100)).items()).hasSize(3);
    }

    @Test
    void badInputIsRefusedNamingEveryBadField() {
        ProjectId foreign = platform.createProject.create(platform.adminOf("other"),
                CreateProjectCommand.of("web", null, null, null, null)).project().id();
        CreateApiKeyCommand bad = new CreateApiKeyCommand("x".repeat(ApiKey.MAX_NAME_LENGTH + 1), Set.of(),
                Set.of(foreign.value(), "proj_nothere000", "garbage"), Set.of(),
                Optional.of(platform.clock.instant().minusSeconds(1)));

        assertThatThrownBy(() -> platform.createApiKey.create(admin, bad))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(InvalidInput.Violation::field)
                        .containsExactly("name", "scopes", "project_ids", "expires_at"));
        assertThat(platform.listApiKeys.list(admin, PageRequest.first(100)).items()).hasSize(1);
    }

    @Test
    void theListShowsActiveKeysNewestFirstInKeysetPages() {
        ApiKey bootstrapKey = platform.listApiKeys.list(admin, PageRequest.first(10)).items().get(0);
        platform.clock.advance(Duration.ofSeconds(1));
        IssuedApiKey first = issue(Scope.READ);
        IssuedApiKey second = issue(Scope.WRITE);
        IssuedApiKey third = issue(Scope.ADMIN);
        platform.revokeApiKey.revoke(admin, second.key().id().value());
        platform.createApiKey.create(platform.adminOf("other"), command(Set.of(Scope.READ), Set.of(), Set.of(),
                Optional.empty()));

        Page<ApiKey> page = platform.listApiKeys.list(admin, PageRequest.first(2));
        ApiKey last = page.items().get(1);
        Page<ApiKey> rest = platform.listApiKeys.list(admin,
                PageRequest.after(new ListPosition(last.createdAt(), last.id().value()), 2));

        assertThat(page.items()).extracting(ApiKey::id).containsExactly(third.key().id(), first.key().id());
        assertThat(page.hasMore()).isTrue();
        assertThat(rest.items()).extracting(ApiKey::id).containsExactly(bootstrapKey.id());
        assertThat(rest.hasMore()).isFalse();
    }

    @Test
    void listingKeysNeedsTheAdminScope() {
        Caller reader = platform.register(anApiKey().of(admin.account()).scopes(Scope.READ).build());

        assertThatThrownBy(() -> platform.listApiKeys.list(reader, PageRequest.first(10)))
                .isInstanceOf(InsufficientScope.class);
    }

    @Test
    void aRevokedKeyStopsAuthenticatingAtOnceEvenThoughItWasCached() {
        IssuedApiKey issued = issue(Scope.READ);
        platform.authenticateCaller.authenticate(issued.secret());

        platform.revokeApiKey.revoke(admin, issued.key().id().value());

        assertThatThrownBy(() -> platform.authenticateCaller.authenticate(issued.secret()))
                .isInstanceOfSatisfying(Unauthenticated.class,
                        e -> assertThat(e.reason()).isEqualTo(Unauthenticated.Reason.EXPIRED_OR_REVOKED));
    }

    @Test
    void aRevokedKeyIsGoneSoRevokingItAgainIsNotFound() {
        IssuedApiKey issued = issue(Scope.READ);
        platform.revokeApiKey.revoke(admin, issued.key().id().value());

        assertThatThrownBy(() -> platform.revokeApiKey.revoke(admin, issued.key().id().value()))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void anotherAccountsKeyOrAGarbageIdIsNotFoundAndStaysUsable() {
        Caller other = platform.adminOf("other");
        IssuedApiKey issued = issue(Scope.READ);

        assertThatThrownBy(() -> platform.revokeApiKey.revoke(other, issued.key().id().value()))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> platform.revokeApiKey.revoke(admin, "not a key id")).isInstanceOf(NotFound.class);
        assertThat(platform.authenticateCaller.authenticate(issued.secret()).principal())
                .isEqualTo(issued.key().id().value());
    }

    @Test
    void aKeyMayRevokeItself() {
        IssuedApiKey issued = issue(Scope.ADMIN);
        Caller self = platform.authenticateCaller.authenticate(issued.secret());

        platform.revokeApiKey.revoke(self, issued.key().id().value());

        assertThatThrownBy(() -> platform.authenticateCaller.authenticate(issued.secret()))
                .isInstanceOf(Unauthenticated.class);
    }

    @Test
    void revokingNeedsAnUnrestrictedAdminKey() {
        IssuedApiKey issued = issue(Scope.READ);
        Caller writer = platform.register(anApiKey().of(admin.account()).scopes(Scope.WRITE).build());
        Caller restrictedAdmin = platform.register(anApiKey().of(admin.account()).restrictedTo(web).build());

        assertThatThrownBy(() -> platform.revokeApiKey.revoke(writer, issued.key().id().value()))
                .isInstanceOf(InsufficientScope.class);
        assertThatThrownBy(() -> platform.revokeApiKey.revoke(restrictedAdmin, issued.key().id().value()))
                .isInstanceOf(InsufficientScope.class);
        assertThat(platform.authenticateCaller.authenticate(issued.secret()).principal())
                .isEqualTo(issued.key().id().value());
    }

    /**
     * The list shows every key's restrictions, so it would tell a key restricted to some
     * projects the ids of projects it may not see (which answer 404 everywhere else).
     */
    @Test
    void listingKeysNeedsAnUnrestrictedAdminKey() {
        ProjectId other = platform.createProject.create(admin, CreateProjectCommand.of("api", null, null, null, null))
                .project().id();
        Caller reader = platform.register(anApiKey().of(admin.account()).scopes(Scope.READ).build());
        Caller webOnlyAdmin = platform.register(anApiKey().of(admin.account()).restrictedTo(web).build());
        Caller previewOnlyAdmin = platform.register(anApiKey().of(admin.account()).restrictedTo(Environment.PREVIEW)
                .build());
        platform.createApiKey.create(admin, command(Set.of(Scope.READ), Set.of(other.value()), Set.of(),
                Optional.empty()));

        assertThatThrownBy(() -> platform.listApiKeys.list(reader, PageRequest.first(100)))
                .isInstanceOf(InsufficientScope.class);
        assertThatThrownBy(() -> platform.listApiKeys.list(webOnlyAdmin, PageRequest.first(100)))
                .isInstanceOf(InsufficientScope.class)
                .hasMessageContaining("restricted");
        assertThatThrownBy(() -> platform.listApiKeys.list(previewOnlyAdmin, PageRequest.first(100)))
                .isInstanceOf(InsufficientScope.class);
        assertThat(platform.listApiKeys.list(admin, PageRequest.first(100)).items()).hasSize(5);
    }

    /** A key that expires cannot issue one that outlives it: a short-lived admin key would mint a permanent one. */
    @Test
    void aKeyThatExpiresIssuesOnlyKeysThatExpireNoLater() {
        Instant expiry = platform.clock.instant().plusSeconds(3600);
        Caller expiring = platform.register(anApiKey().of(admin.account()).expiresAt(expiry).build());

        assertThatThrownBy(() -> platform.createApiKey.create(expiring, command(Set.of(Scope.READ), Set.of(), Set.of(),
                Optional.empty())))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(InvalidInput.Violation::field).containsExactly("expires_at"))
                .hasMessageContaining(expiry.toString());
        assertThatThrownBy(() -> platform.createApiKey.create(expiring, command(Set.of(Scope.READ), Set.of(), Set.of(),
                Optional.of(expiry.plusSeconds(1)))))
                .isInstanceOf(InvalidInput.class);

        IssuedApiKey atTheLimit = platform.createApiKey.create(expiring, command(Set.of(Scope.READ), Set.of(),
                Set.of(), Optional.of(expiry)));
        assertThat(atTheLimit.key().expiresAt()).isEqualTo(expiry);
        // A key that never expires issues keys that never expire.
        assertThat(platform.createApiKey.create(admin, command(Set.of(Scope.READ), Set.of(), Set.of(),
                Optional.empty())).key().expiresAt()).isNull();
    }
}
