package dev.dotgit.application.port.out.contract;

import static dev.dotgit.application.testing.TestData.T0;
import static dev.dotgit.application.testing.TestData.anAccountSlug;
import static dev.dotgit.application.testing.TestData.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.out.apikey.LoadApiKeyPort;
import dev.dotgit.application.port.out.apikey.SaveApiKeyPort;
import dev.dotgit.domain.apikey.ApiKey;
import dev.dotgit.domain.apikey.ApiKeyId;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.apikey.SecretKey;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.error.AlreadyExists;
import dev.dotgit.domain.project.ProjectId;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour of {@link LoadApiKeyPort} and {@link SaveApiKeyPort}. */
public abstract class ApiKeyPortsContract {

    private LoadApiKeyPort keys;
    private SaveApiKeyPort saveKeys;

    /** The store under test; see {@link PersistencePorts} for what it must be like. */
    protected abstract PersistencePorts ports();

    @BeforeEach
    void obtainPorts() {
        PersistencePorts ports = ports();
        keys = ports.loadApiKeys();
        saveKeys = ports.saveApiKeys();
    }

    @Test
    void aRestrictedKeyReadsBackWithEveryField() {
        SecretKey secret = SecretKey.generate();
        ApiKey key = new ApiKey(ApiKeyId.generate(), anAccountSlug(), "CI key, \"deploys\" ünïcode ✓", secret.hash(),
                secret.lastFour(), Set.of(Scope.READ, Scope.WRITE), Set.of(ProjectId.generate(), ProjectId.generate()),
                Set.of(Environment.PREVIEW, Environment.STAGING), T0.plusSeconds(86_400).plusMillis(5), null,
                T0.plusMillis(321));

        saveKeys.insert(key);

        assertThat(keys.findBySecretHash(secret.hash())).contains(key);
    }

    @Test
    void anUnrestrictedKeyReadsBackWithEmptyRestrictionsAndNoExpiry() {
        SecretKey secret = SecretKey.generate();
        ApiKey key = anApiKey().of(anAccountSlug()).secret(secret).scopes(Scope.ADMIN).build();

        ApiKey inserted = saveKeys.insert(key);

        ApiKey read = keys.findBySecretHash(secret.hash()).orElseThrow();
        assertThat(inserted).isEqualTo(key);
        assertThat(read).isEqualTo(key);
        assertThat(read.projects()).isEmpty();
        assertThat(read.environments()).isEmpty();
        assertThat(read.expiresAt()).isNull();
        assertThat(read.revokedAt()).isNull();
    }

    @Test
    void aRevokedKeyIsStillFoundWithItsRevocationTime() {
        SecretKey secret = SecretKey.generate();
        ApiKey revoked = anApiKey().of(anAccountSlug()).secret(secret).build().revoke(T0.plusSeconds(60).plusMillis(7));

        saveKeys.insert(revoked);

        assertThat(keys.findBySecretHash(secret.hash())).hasValueSatisfying(found -> {
            assertThat(found).isEqualTo(revoked);
            assertThat(found.isUsableAt(T0.plusSeconds(61))).isFalse();
        });
    }

    @Test
    void aHashNoKeyHasFindsNothing() {
        saveKeys.insert(anApiKey().of(anAccountSlug()).build());

        assertThat(keys.findBySecretHash(SecretKey.generate().hash())).isEmpty();
    }

    @Test
    void aSecretCanBeRegisteredOnlyOnce() {
        SecretKey secret = SecretKey.generate();
        ApiKey first = saveKeys.insert(anApiKey().of(anAccountSlug()).secret(secret).build());

        assertThatThrownBy(() -> saveKeys.insert(anApiKey().of(anAccountSlug()).secret(secret).build()))
                .isInstanceOfSatisfying(AlreadyExists.class, e -> {
                    assertThat(e.resource()).isEqualTo("api_key");
                    assertThat(e.field()).isEqualTo("secret");
                });
        assertThat(keys.findBySecretHash(secret.hash())).contains(first);
    }
}
