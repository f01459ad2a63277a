package dev.dotgit.application.service.auth;

import dev.dotgit.application.testing.PlatformTest;
import static dev.dotgit.application.testing.TestData.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.application.port.in.account.CreatedAccount;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.apikey.ApiKey;
import dev.dotgit.domain.apikey.KeyFormat;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.apikey.SecretKey;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.error.Unauthenticated;
import dev.dotgit.domain.project.ProjectId;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticateCallerServiceTest extends PlatformTest {

    private static final String INVALID = "The provided API key is invalid.";
    private static final String EXPIRED_OR_REVOKED = "The provided API key is expired or revoked.";

    CreatedAccount acme;

    @BeforeEach
    void setUp() {
        acme = platform.newAccount("acme");
    }

    private Unauthenticated refused(String token) {
        try {
            platform.authenticateCaller.authenticate(token);
        } catch (Unauthenticated e) {
            return e;
        }
        throw new AssertionError("expected the token to be refused: " + token);
    }

    @Test
    void aMissingKeyIsMissingApiKey() {
        for (String missing : new String[] {null, "", "   "}) {
            Unauthenticated e = refused(missing);
            assertThat(e.code()).isEqualTo("missing_api_key");
            assertThat(e.credentialWasSent()).isFalse();
        }
    }

    @Test
    void malformedKeysAreInvalid() {
        String valid = acme.secret().reveal();
        String body = valid.substring(SecretKey.PREFIX.length(), valid.length() - 6);
        String brokenChecksum = SecretKey.PREFIX + body
                + (KeyFormat.checksum(body).equals("000000") ? "000001" : "000000");
        String otherPrefix = "sk_live_" + valid.substring(SecretKey.PREFIX.length());

        for (String bad : List.of("gsk_live_abc", "not a key", valid + "x", valid.substring(1), otherPrefix,
                brokenChecksum, valid.replace(valid.charAt(12), valid.charAt(12) == 'a' ? 'b' : 'a'))) {
            Unauthenticated e = refused(bad);
            assertThat(e.code()).as(bad).isEqualTo("invalid_api_key");
            assertThat(e.getMessage()).as(bad).isEqualTo(INVALID);
            assertThat(e.credentialWasSent()).as(bad).isTrue();
        }
    }

    @Test
    void anUnknownWellFormedKeyIsInvalidUntilItIsRegistered() {
        SecretKey secret = SecretKey.generate();

        Unauthenticated e = refused(secret.reveal());

        assertThat(e.code()).isEqualTo("invalid_api_key");
        assertThat(e.getMessage()).isEqualTo(INVALID);
        // A miss is not remembered: a key created right after a failed attempt works at once.
        platform.register(anApiKey().of(acme.account().slug()).secret(secret).build());
        assertThat(platform.authenticateCaller.authenticate(secret.reveal()).account())
                .isEqualTo(acme.account().slug());
    }

    @Test
    void anExpiredKeyIsRefusedAsExpiredOrRevoked() {
        SecretKey expired = SecretKey.generate();
        platform.register(anApiKey().of(acme.account().slug()).secret(expired)
                .expiresAt(platform.clock.instant().minusSeconds(1)).build());

        Unauthenticated e = refused(expired.reveal());

        assertThat(e.code()).isEqualTo("invalid_api_key");
        assertThat(e.getMessage()).isEqualTo(EXPIRED_OR_REVOKED);
    }

    @Test
    void aKeyStopsWorkingTheMomentItExpiresEvenWhileCached() {
        SecretKey secret = SecretKey.generate();
        platform.register(anApiKey().of(acme.account().slug()).secret(secret)
                .expiresAt(platform.clock.instant().plusSeconds(2)).build());
        assertThat(platform.authenticateCaller.authenticate(secret.reveal()).account())
                .isEqualTo(acme.account().slug());

        platform.clock.advance(Duration.ofSeconds(2));

        assertThat(refused(secret.reveal()).getMessage()).isEqualTo(EXPIRED_OR_REVOKED);
    }

    @Test
    void aRevokedKeyIsRefusedAsExpiredOrRevoked() {
        SecretKey secret = SecretKey.generate();
        ApiKey revoked = anApiKey().of(acme.account().slug()).secret(secret).build()
                .revoke(platform.clock.instant());
        platform.store.insert(revoked);

        Unauthenticated e = refused(secret.reveal());

        assertThat(e.code()).isEqualTo("invalid_api_key");
        assertThat(e.getMessage()).isEqualTo(EXPIRED_OR_REVOKED);
    }

    @Test
    void aPublicKeyIdentifiesButNeverAuthenticates() {
        Unauthenticated e = refused(acme.account().publicKey().value());

        assertThat(e.code()).isEqualTo("invalid_api_key");
        assertThat(e.getMessage()).contains("Public keys (gpk_)").contains("cannot authenticate");
        assertThat(refused("gpk_anything").getMessage()).isEqualTo(e.getMessage());
    }

    @Test
    void aValidKeyAuthenticatesAsItsCallerWithScopesAndRestrictions() {
        SecretKey secret = SecretKey.generate();
        ProjectId project = ProjectId.generate();
        ApiKey key = anApiKey().of(acme.account().slug()).secret(secret).scopes(Scope.WRITE)
                .restrictedTo(project).restrictedTo(Environment.STAGING, Environment.PREVIEW).build();
        platform.register(key);

        Caller caller = platform.authenticateCaller.authenticate(secret.reveal());

        assertThat(caller.account()).isEqualTo(acme.account().slug());
        assertThat(caller.principal()).isEqualTo(key.id().value());
        assertThat(caller.scopes()).containsExactly(Scope.WRITE);
        assertThat(caller.projects()).containsExactly(project);
        assertThat(caller.environments()).containsExactlyInAnyOrder(Environment.STAGING, Environment.PREVIEW);
        assertThat(caller.has(Scope.READ)).isTrue();
        assertThat(caller.has(Scope.ADMIN)).isFalse();
    }

    @Test
    void anAccountsAdminKeyAuthenticatesUnrestricted() {
        Caller caller = platform.authenticateCaller.authenticate(acme.secret().reveal());

        assertThat(caller.account()).isEqualTo(new AccountSlug("acme"));
        assertThat(caller.principal()).isEqualTo(acme.adminKey().id().value());
        assertThat(caller.scopes()).isEqualTo(Set.of(Scope.ADMIN));
        assertThat(caller.isRestricted()).isFalse();
    }
}
