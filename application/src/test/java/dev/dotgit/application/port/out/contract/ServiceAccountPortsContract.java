package dev.dotgit.application.port.out.contract;

import static dev.dotgit.application.testing.TestData.T0;
import static dev.dotgit.application.testing.TestData.anAccountSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.in.paging.ListPosition;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.out.serviceaccount.LoadServiceAccountPort;
import dev.dotgit.application.port.out.serviceaccount.SaveServiceAccountPort;
import dev.dotgit.application.port.out.serviceaccount.TokenSigningKeyPort;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.error.AlreadyExists;
import dev.dotgit.domain.project.ProjectId;
import dev.dotgit.domain.serviceaccount.ClientId;
import dev.dotgit.domain.serviceaccount.ClientSecret;
import dev.dotgit.domain.serviceaccount.ServiceAccount;
import dev.dotgit.domain.serviceaccount.ServiceAccountId;
import dev.dotgit.domain.serviceaccount.TokenSigningKey;
import java.time.Instant;
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

/** The behaviour of {@link LoadServiceAccountPort}, {@link SaveServiceAccountPort} and {@link TokenSigningKeyPort}. */
public abstract class ServiceAccountPortsContract {

    private LoadServiceAccountPort serviceAccounts;
    private SaveServiceAccountPort saveServiceAccounts;
    private TokenSigningKeyPort signingKeys;

    /** The store under test; see {@link ServiceAccountPorts} for what it must be like. */
    protected abstract ServiceAccountPorts ports();

    @BeforeEach
    void obtainPorts() {
        ServiceAccountPorts ports = ports();
        serviceAccounts = ports.load();
        saveServiceAccounts = ports.save();
        signingKeys = ports.signingKeys();
    }

    private static ServiceAccount aServiceAccount(AccountSlug account, Instant createdAt) {
        return ServiceAccount.create(account, "ci", ClientSecret.generate(), Set.of(Scope.WRITE), Set.of(), createdAt);
    }

    @Test
    void aRestrictedServiceAccountReadsBackWithEveryField() {
        ClientSecret secret = ClientSecret.generate();
        ServiceAccount serviceAccount = ServiceAccount.create(anAccountSlug(), "Deploy bot, \"prod\" ünïcode ✓", secret,
                Set.of(Scope.READ, Scope.WRITE), Set.of(ProjectId.generate(), ProjectId.generate()),
                T0.plusMillis(321));

        assertThat(saveServiceAccounts.insert(serviceAccount)).isEqualTo(serviceAccount);

        assertThat(serviceAccounts.findByClientId(serviceAccount.clientId())).contains(serviceAccount);
        assertThat(serviceAccounts.findById(serviceAccount.account(), serviceAccount.id())).contains(serviceAccount);
        assertThat(serviceAccount.secretHash().matches(secret.hash())).isTrue();
    }

    @Test
    void aServiceAccountIsFoundByIdOnlyWithinItsAccountAndByClientIdOnlyForItsOwn() {
        ServiceAccount serviceAccount = saveServiceAccounts.insert(aServiceAccount(anAccountSlug(), T0));

        assertThat(serviceAccounts.findById(anAccountSlug(), serviceAccount.id())).isEmpty();
        assertThat(serviceAccounts.findById(serviceAccount.account(), ServiceAccountId.generate())).isEmpty();
        assertThat(serviceAccounts.findByClientId(ClientId.generate())).isEmpty();
    }

    @Test
    void idsClientIdsAndSecretsAreNeverShared() {
        ServiceAccount first = saveServiceAccounts.insert(aServiceAccount(anAccountSlug(), T0));
        ServiceAccount sameClientId = new ServiceAccount(ServiceAccountId.generate(), anAccountSlug(), "other",
                first.clientId(), ClientSecret.generate().hash(), Set.of(Scope.READ), Set.of(), T0);
        ServiceAccount sameSecret = new ServiceAccount(ServiceAccountId.generate(), anAccountSlug(), "other",
                ClientId.generate(), first.secretHash(), Set.of(Scope.READ), Set.of(), T0);

        assertThatThrownBy(() -> saveServiceAccounts.insert(sameClientId)).isInstanceOf(AlreadyExists.class);
        assertThatThrownBy(() -> saveServiceAccounts.insert(sameSecret)).isInstanceOf(AlreadyExists.class);
        assertThat(serviceAccounts.findByClientId(first.clientId())).contains(first);
    }

    @Test
    void theListIsNewestFirstWithoutOtherAccountsServiceAccounts() {
        AccountSlug account = anAccountSlug();
        ServiceAccount oldest = saveServiceAccounts.insert(aServiceAccount(account, T0));
        ServiceAccount middle = saveServiceAccounts.insert(aServiceAccount(account, T0.plusSeconds(1)));
        ServiceAccount newest = saveServiceAccounts.insert(aServiceAccount(account, T0.plusSeconds(2)));
        saveServiceAccounts.insert(aServiceAccount(anAccountSlug(), T0.plusSeconds(3)));

        Page<ServiceAccount> first = serviceAccounts.list(account, PageRequest.first(2));
        Page<ServiceAccount> second = serviceAccounts.list(account, PageRequest.after(
                new ListPosition(first.items().get(1).createdAt(), first.items().get(1).id().value()), 2));

        assertThat(first.items()).containsExactly(newest, middle);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.items()).containsExactly(oldest);
        assertThat(second.hasMore()).isFalse();
    }

    @Test
    void aDeletedServiceAccountIsGoneEverywhereAndDeletedOnlyOnce() {
        ServiceAccount serviceAccount = saveServiceAccounts.insert(aServiceAccount(anAccountSlug(), T0));

        assertThat(saveServiceAccounts.delete(anAccountSlug(), serviceAccount.id())).as("another account's").isFalse();
        assertThat(saveServiceAccounts.delete(serviceAccount.account(), serviceAccount.id())).isTrue();
        assertThat(saveServiceAccounts.delete(serviceAccount.account(), serviceAccount.id())).isFalse();

        assertThat(serviceAccounts.findById(serviceAccount.account(), serviceAccount.id())).isEmpty();
        assertThat(serviceAccounts.findByClientId(serviceAccount.clientId())).isEmpty();
        assertThat(serviceAccounts.list(serviceAccount.account(), PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void ofConcurrentDeletionsOfOneServiceAccountExactlyOneWins() throws Exception {
        ServiceAccount serviceAccount = saveServiceAccounts.insert(aServiceAccount(anAccountSlug(), T0));
        List<Boolean> outcomes = race(6, () -> saveServiceAccounts.delete(serviceAccount.account(),
                serviceAccount.id()));

        assertThat(outcomes).containsOnlyOnce(true);
    }

    @Test
    void theFirstStoredSigningKeyStaysTheKeyOfTheStore() {
        TokenSigningKey stored = signingKeys.storeIfAbsent(TokenSigningKey.generate());

        assertThat(signingKeys.storeIfAbsent(TokenSigningKey.generate())).isEqualTo(stored);
        assertThat(stored.material()).hasSizeGreaterThanOrEqualTo(TokenSigningKey.MIN_BYTES);
    }

    @Test
    void nodesRacingToStoreTheirSigningKeyAllGetTheSameOne() throws Exception {
        List<TokenSigningKey> keys = race(6, () -> signingKeys.storeIfAbsent(TokenSigningKey.generate()));

        assertThat(Set.copyOf(keys)).hasSize(1);
        assertThat(signingKeys.storeIfAbsent(TokenSigningKey.generate())).isEqualTo(keys.get(0));
    }

    private static <T> List<T> race(int racers, java.util.concurrent.Callable<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
