package dev.dotgit.application.port.out.contract;

import static dev.dotgit.application.testing.TestData.T0;
import static dev.dotgit.application.testing.TestData.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.out.account.LoadAccountPort;
import dev.dotgit.application.port.out.account.SaveAccountPort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.domain.account.Account;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.account.Plan;
import dev.dotgit.domain.account.RateLimit;
import dev.dotgit.domain.error.AlreadyExists;
import dev.dotgit.domain.error.ConcurrentModification;
import dev.dotgit.domain.error.NotFound;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The behaviour of {@link LoadAccountPort} and {@link SaveAccountPort}. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class AccountPortsContract {

    private RunInTransactionPort transactions;
    private LoadAccountPort accounts;
    private SaveAccountPort saveAccounts;

    /** The store under test; see {@link PersistencePorts} for what it must be like. */
    protected abstract PersistencePorts ports();

    @BeforeEach
    void obtainPorts() {
        PersistencePorts ports = ports();
        transactions = ports.transactions();
        accounts = ports.loadAccounts();
        saveAccounts = ports.saveAccounts();
    }

    /** First, while the store is still empty: the platform bootstraps itself on an empty database. */
    @Test
    @Order(1)
    void anEmptyStoreHasNoAccountUntilOneIsInserted() {
        assertThat(accounts.anyAccountExists()).isFalse();

        saveAccounts.insert(anAccount().build());

        assertThat(accounts.anyAccountExists()).isTrue();
    }

    @Test
    void anInsertedAccountReadsBackEqualAtVersionZero() {
        Account account = anAccount().plan(Plan.ENTERPRISE).rateLimit(1234, 56)
                .createdAt(T0.plusMillis(789)).build();

        Account inserted = saveAccounts.insert(account);

        assertThat(inserted).isEqualTo(account.withVersion(0));
        assertThat(accounts.findBySlug(account.slug())).contains(inserted);
    }

    @Test
    void anAccountWithoutCustomRateLimitReadsBackWithoutOne() {
        Account account = saveAccounts.insert(anAccount().plan(Plan.FREE).build());

        Account read = accounts.findBySlug(account.slug()).orElseThrow();

        assertThat(read.customRateLimit()).isNull();
        assertThat(read.effectiveRateLimit()).isEqualTo(Plan.FREE.defaultRateLimit());
        assertThat(read).isEqualTo(account);
    }

    @Test
    void anUnknownSlugFindsNothing() {
        assertThat(accounts.findBySlug(new AccountSlug("nobody-has-this-slug"))).isEmpty();
    }

    @Test
    void aTakenSlugCannotBeInsertedAgain() {
        Account first = saveAccounts.insert(anAccount().plan(Plan.PRO).build());
        Account second = anAccount().slug(first.slug().value()).plan(Plan.FREE).build();

        assertThatThrownBy(() -> saveAccounts.insert(second))
                .isInstanceOfSatisfying(AlreadyExists.class, e -> {
                    assertThat(e.resource()).isEqualTo("account");
                    assertThat(e.field()).isEqualTo("slug");
                });
        assertThat(accounts.findBySlug(first.slug())).contains(first);
    }

    @Test
    void ofConcurrentInsertsOfOneSlugExactlyOneSucceedsAndTheOthersAreToldItExists() throws Exception {
        AccountSlug slug = anAccount().build().slug();
        int writers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Account>> outcomes = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Account candidate = anAccount().slug(slug.value()).build();
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return transactions.inTransaction(() -> saveAccounts.insert(candidate));
                }));
            }
            start.countDown();

            List<Account> inserted = new ArrayList<>();
            for (Future<Account> outcome : outcomes) {
                try {
                    inserted.add(outcome.get(30, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(AlreadyExists.class);
                }
            }

            assertThat(inserted).hasSize(1);
            assertThat(accounts.findBySlug(slug)).contains(inserted.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUpdateWritesTheNewStateAtTheNextVersion() {
        Account account = saveAccounts.insert(anAccount().plan(Plan.FREE).build());

        Account updated = saveAccounts.update(account.withPlan(Plan.STARTER).withCustomRateLimit(new RateLimit(7, 3)));

        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.plan()).isEqualTo(Plan.STARTER);
        assertThat(accounts.findBySlug(account.slug())).contains(updated);
    }

    @Test
    void anUpdateCanRemoveTheCustomRateLimit() {
        Account account = saveAccounts.insert(anAccount().rateLimit(100, 10).build());

        Account updated = saveAccounts.update(account.withCustomRateLimit(null));

        assertThat(accounts.findBySlug(account.slug()).orElseThrow().customRateLimit()).isNull();
        assertThat(accounts.findBySlug(account.slug())).contains(updated);
    }

    @Test
    void anUpdateFromAStaleVersionIsAConcurrentModificationAndChangesNothing() {
        Account read = saveAccounts.insert(anAccount().plan(Plan.FREE).build());
        Account winner = saveAccounts.update(read.withPlan(Plan.PRO));

        assertThatThrownBy(() -> saveAccounts.update(read.withPlan(Plan.ENTERPRISE)))
                .isInstanceOf(ConcurrentModification.class);
        assertThat(accounts.findBySlug(read.slug())).contains(winner);
    }

    @Test
    void anUpdateOfAnAccountThatWasNeverStoredIsNotFound() {
        Account never = anAccount().build();

        assertThatThrownBy(() -> saveAccounts.update(never)).isInstanceOf(NotFound.class);
        assertThat(accounts.findBySlug(never.slug())).isEmpty();
    }
}
