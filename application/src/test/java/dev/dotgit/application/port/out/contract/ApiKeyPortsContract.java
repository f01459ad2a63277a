package dev.dotgit.application.port.out.contract;

import static dev.dotgit.application.testing.TestData.T0;
import static dev.dotgit.application.testing.TestData.anAccountSlug;
import static dev.dotgit.application.testing.TestData.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.in.paging.ListPosition;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.out.apikey.LoadApiKeyPort;
import dev.dotgit.application.port.out.apikey.SaveApiKeyPort;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.apikey.ApiKey;
import dev.dotgit.domain.apikey.ApiKeyId;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.apikey.SecretKey;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.error.AlreadyExists;
import dev.dotgit.domain.project.ProjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    @Test
    void aKeyIsFoundByIdOnlyWithinItsAccount() {
        ApiKey key = saveKeys.insert(anApiKey().of(anAccountSlug()).build());

        assertThat(keys.findById(key.account(), key.id())).contains(key);
        assertThat(keys.findById(anAccountSlug(), key.id())).isEmpty();
        assertThat(keys.findById(key.account(), ApiKeyId.generate())).isEmpty();
    }

    @Test
    void theActiveListIsNewestFirstWithoutRevokedKeysOrOtherAccountsKeys() {
        AccountSlug account = anAccountSlug();
        ApiKey oldest = saveKeys.insert(anApiKey().of(account).createdAt(T0).build());
        ApiKey middle = saveKeys.insert(anApiKey().of(account).createdAt(T0.plusSeconds(1)).build());
        ApiKey newest = saveKeys.insert(anApiKey().of(account).createdAt(T0.plusSeconds(2)).build());
        saveKeys.insert(anApiKey().of(account).createdAt(T0.plusSeconds(3)).build().revoke(T0.plusSeconds(4)));
        saveKeys.insert(anApiKey().of(anAccountSlug()).createdAt(T0.plusSeconds(5)).build());

        Page<ApiKey> first = keys.listActive(account, PageRequest.first(2));
        Page<ApiKey> second = keys.listActive(account, PageRequest.after(
                new ListPosition(first.items().get(1).createdAt(), first.items().get(1).id().value()), 2));

        assertThat(first.items()).containsExactly(newest, middle);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.items()).containsExactly(oldest);
        assertThat(second.hasMore()).isFalse();
    }

    @Test
    void aKeyIsRevokedOnceAndThenReadsBackRevoked() {
        SecretKey secret = SecretKey.generate();
        ApiKey key = saveKeys.insert(anApiKey().of(anAccountSlug()).secret(secret).build());

        assertThat(saveKeys.revoke(key, T0.plusSeconds(30))).isTrue();
        assertThat(saveKeys.revoke(key, T0.plusSeconds(40))).isFalse();

        ApiKey read = keys.findBySecretHash(secret.hash()).orElseThrow();
        assertThat(read.revokedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(read.isUsableAt(T0.plusSeconds(31))).isFalse();
        assertThat(keys.listActive(key.account(), PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void ofConcurrentRevocationsOfOneKeyExactlyOneWins() throws Exception {
        ApiKey key = saveKeys.insert(anApiKey().of(anAccountSlug()).build());
        int racers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                int racer = i;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return saveKeys.revoke(key, T0.plusSeconds(100 + racer));
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> outcome : outcomes) {
                winners += outcome.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
