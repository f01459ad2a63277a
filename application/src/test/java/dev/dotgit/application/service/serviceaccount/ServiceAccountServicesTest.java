package dev.dotgit.application.service.serviceaccount;

import static dev.dotgit.application.testing.TestData.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.in.project.CreateProjectCommand;
import dev.dotgit.application.port.in.serviceaccount.CreateServiceAccountCommand;
import dev.dotgit.application.port.in.serviceaccount.CreatedServiceAccount;
import dev.dotgit.application.port.in.serviceaccount.IssuedAccessToken;
import dev.dotgit.application.port.in.serviceaccount.TokenRequest;
import dev.dotgit.application.testing.PlatformTest;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.error.InsufficientScope;
import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.error.TokenRequestRefused;
import dev.dotgit.domain.error.Unauthenticated;
import dev.dotgit.domain.project.ProjectId;
import dev.dotgit.domain.serviceaccount.ClientSecret;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Service accounts and their tokens: creation, the client-credentials grant, authentication, deletion. */
class ServiceAccountServicesTest extends PlatformTest {

    Caller admin;
    ProjectId web;
    ProjectId api;

    @BeforeEach
    void setUp() {
        admin = platform.adminOf("acme");
        web = platform.createProject.create(admin, CreateProjectCommand.of("web", null, null, null, null)).project()
                .id();
        api = platform.createProject.create(admin, CreateProjectCommand.of("api", null, null, null, null)).project()
                .id();
    }

    private CreatedServiceAccount create(Set<Scope> scopes, Set<String> projects) {
        return platform.createServiceAccount.create(admin, new CreateServiceAccountCommand("ci", scopes, projects));
    }

    private IssuedAccessToken token(CreatedServiceAccount created, String scope) {
        return platform.issueAccessToken.issue(new TokenRequest(TokenRequest.CLIENT_CREDENTIALS,
                created.serviceAccount().clientId().value(), created.clientSecret(), scope));
    }

    private TokenRequestRefused refusal(TokenRequest request) {
        return org.junit.jupiter.api.Assertions.assertThrows(TokenRequestRefused.class,
                () -> platform.issueAccessToken.issue(request));
    }

    @Test
    void aTokenActsAsTheServiceAccountWithItsScopesAndProjects() {
        CreatedServiceAccount created = create(Set.of(Scope.WRITE), Set.of(web.value()));

        IssuedAccessToken token = token(created, null);
        Caller caller = platform.authenticateCaller.authenticate(token.accessToken());

        assertThat(created.clientSecret()).startsWith(ClientSecret.PREFIX);
        assertThat(created.serviceAccount().secretHash().hex()).doesNotContain(created.clientSecret());
        assertThat(token.scopes()).containsExactly(Scope.WRITE);
        assertThat(token.expiresInSeconds()).isEqualTo(3600);
        assertThat(caller.account()).isEqualTo(admin.account());
        assertThat(caller.principal()).isEqualTo(created.serviceAccount().id().value());
        assertThat(caller.scopes()).containsExactly(Scope.WRITE);
        assertThat(caller.projects()).containsExactly(web);
        assertThat(caller.environments()).isEmpty();
    }

    @Test
    void aTokenAskedForANarrowerScopeCarriesOnlyThat() {
        CreatedServiceAccount created = create(Set.of(Scope.ADMIN), Set.of());

        IssuedAccessToken token = token(created, "deploy:read");
        Caller caller = platform.authenticateCaller.authenticate(token.accessToken());

        assertThat(token.scopes()).containsExactly(Scope.READ);
        assertThat(caller.has(Scope.READ)).isTrue();
        assertThatThrownBy(() -> caller.require(Scope.WRITE)).isInstanceOf(InsufficientScope.class);
    }

    @Test
    void aScopeBeyondTheServiceAccountsOrAnUnknownOneIsInvalidScope() {
        CreatedServiceAccount created = create(Set.of(Scope.WRITE), Set.of());

        assertThat(refusal(new TokenRequest("client_credentials", created.serviceAccount().clientId().value(),
                created.clientSecret(), "deploy:admin")).code()).isEqualTo("invalid_scope");
        assertThat(refusal(new TokenRequest("client_credentials", created.serviceAccount().clientId().value(),
                created.clientSecret(), "repo:everything")).code()).isEqualTo("invalid_scope");
        assertThat(refusal(new TokenRequest("client_credentials", created.serviceAccount().clientId().value(),
                created.clientSecret(), " ")).code()).isEqualTo("invalid_scope");
        assertThat(token(created, "deploy:read deploy:write").scopes()).containsExactlyInAnyOrder(Scope.READ,
                Scope.WRITE);
    }

    @Test
    void wrongCredentialsAreInvalidClientAndTellNothingAboutWhichPartWasWrong() {
        CreatedServiceAccount created = create(Set.of(Scope.READ), Set.of());
        String clientId = created.serviceAccount().clientId().value();

        TokenRequestRefused wrongSecret = refusal(new TokenRequest("client_credentials", clientId,
                ClientSecret.generate().reveal(), null));
        TokenRequestRefused unknownClient = refusal(new TokenRequest("client_credentials", "client_0000000000",
                created.clientSecret(), null));
        TokenRequestRefused malformed = refusal(new TokenRequest("client_credentials", clientId, "hunter2", null));
        TokenRequestRefused none = refusal(new TokenRequest("client_credentials", null, null, null));

        for (TokenRequestRefused refused : new TokenRequestRefused[] {wrongSecret, unknownClient, malformed}) {
            assertThat(refused.code()).isEqualTo("invalid_client");
            assertThat(refused.getMessage()).isEqualTo(wrongSecret.getMessage());
            assertThat(refused.refusedSentCredentials()).isTrue();
        }
        assertThat(none.code()).isEqualTo("invalid_client");
        assertThat(none.refusedSentCredentials()).as("nothing was guessed").isFalse();
    }

    @Test
    void onlyTheClientCredentialsGrantIsSupported() {
        CreatedServiceAccount created = create(Set.of(Scope.READ), Set.of());
        String clientId = created.serviceAccount().clientId().value();

        assertThat(refusal(new TokenRequest("password", clientId, created.clientSecret(), null)).code())
                .isEqualTo("unsupported_grant_type");
        assertThat(refusal(new TokenRequest(null, clientId, created.clientSecret(), null)).code())
                .isEqualTo("invalid_request");
    }

    @Test
    void anExpiredTokenIsRefusedSayingSo() {
        CreatedServiceAccount created = create(Set.of(Scope.READ), Set.of());
        String token = token(created, null).accessToken();

        platform.clock.advance(Duration.ofSeconds(3599));
        assertThat(platform.authenticateCaller.authenticate(token).principal())
                .isEqualTo(created.serviceAccount().id().value());
        platform.clock.advance(Duration.ofSeconds(1));

        assertThatThrownBy(() -> platform.authenticateCaller.authenticate(token))
                .isInstanceOfSatisfying(Unauthenticated.class, e -> {
                    assertThat(e.reason()).isEqualTo(Unauthenticated.Reason.ACCESS_TOKEN_EXPIRED);
                    assertThat(e.code()).isEqualTo("invalid_api_key");
                    assertThat(e.getMessage()).contains("expired");
                });
    }

    @Test
    void aForgedOrGarbledTokenIsAnInvalidKey() {
        String token = token(create(Set.of(Scope.READ), Set.of()), null).accessToken();
        String garbled = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        for (String bad : new String[] {garbled, "aaa.bbb.ccc"}) {
            assertThatThrownBy(() -> platform.authenticateCaller.authenticate(bad))
                    .isInstanceOfSatisfying(Unauthenticated.class,
                            e -> assertThat(e.code()).isEqualTo("invalid_api_key"));
        }
    }

    @Test
    void aDeletedServiceAccountsCredentialsAndTokensStopWorking() {
        CreatedServiceAccount created = create(Set.of(Scope.WRITE), Set.of());
        String token = token(created, null).accessToken();
        platform.authenticateCaller.authenticate(token);

        platform.deleteServiceAccount.delete(admin, created.serviceAccount().id().value());

        assertThatThrownBy(() -> platform.authenticateCaller.authenticate(token))
                .isInstanceOfSatisfying(Unauthenticated.class,
                        e -> assertThat(e.reason()).isEqualTo(Unauthenticated.Reason.ACCESS_TOKEN_REVOKED));
        assertThat(refusal(new TokenRequest("client_credentials", created.serviceAccount().clientId().value(),
                created.clientSecret(), null)).code()).isEqualTo("invalid_client");
        assertThatThrownBy(() -> platform.deleteServiceAccount.delete(admin, created.serviceAccount().id().value()))
                .isInstanceOf(NotFound.class);
        assertThat(platform.listServiceAccounts.list(admin, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void aServiceAccountNeverReachesFurtherThanItsCreator() {
        Caller writer = platform.register(anApiKey().of(admin.account()).scopes(Scope.WRITE).build());
        Caller restrictedAdmin = platform.register(anApiKey().of(admin.account()).restrictedTo(web).build());
        CreateServiceAccountCommand readOnly = new CreateServiceAccountCommand("ci", Set.of(Scope.READ), Set.of());

        assertThatThrownBy(() -> platform.createServiceAccount.create(writer, readOnly))
                .isInstanceOf(InsufficientScope.class);
        assertThatThrownBy(() -> platform.createServiceAccount.create(restrictedAdmin, readOnly))
                .isInstanceOf(InsufficientScope.class);
        assertThatThrownBy(() -> platform.listServiceAccounts.list(restrictedAdmin, PageRequest.first(10)))
                .isInstanceOf(InsufficientScope.class);

        // An admin token narrowed to deploy:write acts as a writer: it cannot create service accounts.
        CreatedServiceAccount adminBot = create(Set.of(Scope.ADMIN), Set.of());
        Caller narrowed = platform.authenticateCaller.authenticate(token(adminBot, "deploy:write").accessToken());
        assertThatThrownBy(() -> platform.createServiceAccount.create(narrowed, readOnly))
                .isInstanceOf(InsufficientScope.class);
        // With its full scope it can, and what it creates lists with the rest.
        Caller full = platform.authenticateCaller.authenticate(token(adminBot, null).accessToken());
        platform.clock.advance(Duration.ofSeconds(1));
        CreatedServiceAccount made = platform.createServiceAccount.create(full, readOnly);
        assertThat(platform.listServiceAccounts.list(admin, PageRequest.first(10)).items())
                .extracting(sa -> sa.id()).containsExactly(made.serviceAccount().id(), adminBot.serviceAccount().id());
    }

    @Test
    void badFieldsAreReportedTogether() {
        assertThatThrownBy(() -> platform.createServiceAccount.create(admin, new CreateServiceAccountCommand("",
                Set.of(), Set.of("proj_0000000000", "nonsense"))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(InvalidInput.Violation::field).containsExactly("name", "scopes", "project_ids"));
        assertThatThrownBy(() -> platform.createServiceAccount.create(admin, new CreateServiceAccountCommand(
                "x".repeat(101), Set.of(Scope.READ), Set.of())))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.first().field()).isEqualTo("name"));
    }

    @Test
    void anotherAccountsServiceAccountIsNotFound() {
        CreatedServiceAccount created = create(Set.of(Scope.READ), Set.of());
        Caller other = platform.adminOf("other");

        assertThatThrownBy(() -> platform.deleteServiceAccount.delete(other, created.serviceAccount().id().value()))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> platform.deleteServiceAccount.delete(admin, "sa_nonsense"))
                .isInstanceOf(NotFound.class);
        assertThat(platform.listServiceAccounts.list(other, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void everyNodeSignsWithTheKeyTheFirstOneStored() {
        CreatedServiceAccount created = create(Set.of(Scope.READ), Set.of());
        String token = token(created, null).accessToken();
        // A second node over the same store: it never issued a token, yet accepts this one.
        AccessTokens otherNode = new AccessTokens(platform.serviceAccounts, platform.tokenSigner, platform.tokenSigner,
                platform.serviceAccounts, AccessTokenSettings.DEFAULTS, platform.clock, Duration.ofSeconds(5));

        assertThat(otherNode.authenticate(token).principal()).isEqualTo(created.serviceAccount().id().value());
    }

    @Test
    void apiKeysStillAuthenticateAndOnlyTokenShapedCredentialsAreTreatedAsTokens() {
        assertThat(AccessTokens.looksLikeOne("aGVhZA.cGF5bG9hZA.c2ln")).isTrue();
        for (String notAToken : new String[] {"gsk_live_abc", "a..b", ".a.b", "a.b.", "a.b", "a.b.c.d", "a b.c.d",
                "a.b.c=", ""}) {
            assertThat(AccessTokens.looksLikeOne(notAToken)).as(notAToken).isFalse();
        }
    }
}
