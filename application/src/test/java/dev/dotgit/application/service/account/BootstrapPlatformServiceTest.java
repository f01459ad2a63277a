package dev.dotgit.application.service.account;

import dev.dotgit.application.testing.PlatformTest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.application.port.in.account.BootstrapPlatformUseCase;
import dev.dotgit.application.port.out.account.SaveAccountPort;
import dev.dotgit.application.port.out.apikey.SaveApiKeyPort;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.account.Account;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.account.Plan;
import dev.dotgit.domain.apikey.ApiKey;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.apikey.SecretKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BootstrapPlatformServiceTest extends PlatformTest {

    private static final AccountSlug DEFAULT = new AccountSlug("default");

    CountingSaves saves;
    BootstrapPlatformUseCase bootstrap;

    @BeforeEach
    void setUp() {
        saves = new CountingSaves();
        // The platform's own service, over stand-ins that count what it writes: "creates
        // nothing" needs a witness, and no port lists keys.
        bootstrap = new BootstrapPlatformService(platform.store, platform.store, saves, platform.store, saves,
                platform.clock);
    }

    private Caller authenticate(SecretKey secret) {
        return platform.authenticateCaller.authenticate(secret.reveal());
    }

    @Test
    void anEmptyStoreGetsAccountDefaultOnProWithAnAdminKeyWhoseSecretIsReturnedOnce() {
        Optional<SecretKey> secret = bootstrap.bootstrap(Optional.empty());

        assertThat(secret).isPresent();
        Account account = platform.store.findBySlug(DEFAULT).orElseThrow();
        assertThat(account.plan()).isEqualTo(Plan.PRO);
        Caller caller = authenticate(secret.get());
        assertThat(caller.account()).isEqualTo(DEFAULT);
        assertThat(caller.scopes()).isEqualTo(Set.of(Scope.ADMIN));
        assertThat(caller.isRestricted()).isFalse();
        assertThat(saves.accounts).hasSize(1);
        assertThat(saves.keys).hasSize(1);

        assertThat(bootstrap.bootstrap(Optional.empty())).isEmpty();
        assertThat(saves.accounts).hasSize(1);
        assertThat(saves.keys).hasSize(1);
        assertThat(platform.store.findBySlug(DEFAULT)).hasValue(account);
    }

    @Test
    void aConfiguredSecretIsRegisteredInsteadAndNotReturned() {
        SecretKey configured = SecretKey.generate();

        assertThat(bootstrap.bootstrap(Optional.of(configured))).isEmpty();

        assertThat(authenticate(configured).account()).isEqualTo(DEFAULT);
        assertThat(authenticate(configured).scopes()).isEqualTo(Set.of(Scope.ADMIN));
        assertThat(platform.store.findBySlug(DEFAULT).orElseThrow().plan()).isEqualTo(Plan.PRO);
        assertThat(saves.accounts).hasSize(1);
        assertThat(saves.keys).singleElement().satisfies(key -> assertThat(key.secretHash().matches(configured.hash()))
                .isTrue());

        assertThat(bootstrap.bootstrap(Optional.of(configured))).isEmpty();
        assertThat(saves.accounts).hasSize(1);
        assertThat(saves.keys).hasSize(1);
    }

    @Test
    void aConfiguredSecretIsAddedOnceToAnExistingDefaultAccount() {
        SecretKey generated = bootstrap.bootstrap(Optional.empty()).orElseThrow();
        Account before = platform.store.findBySlug(DEFAULT).orElseThrow();
        SecretKey configured = SecretKey.generate();

        assertThat(bootstrap.bootstrap(Optional.of(configured))).isEmpty();
        assertThat(bootstrap.bootstrap(Optional.of(configured))).isEmpty();

        assertThat(authenticate(configured).account()).isEqualTo(DEFAULT);
        assertThat(authenticate(generated).account()).isEqualTo(DEFAULT);
        assertThat(platform.store.findBySlug(DEFAULT)).hasValue(before);
        assertThat(saves.accounts).hasSize(1);
        assertThat(saves.keys).hasSize(2);
    }

    @Test
    void aConfiguredSecretOnAStoreWithOtherAccountsIsAddedOnce() {
        platform.newAccount("acme");
        SecretKey configured = SecretKey.generate();

        assertThat(bootstrap.bootstrap(Optional.of(configured))).isEmpty();
        assertThat(bootstrap.bootstrap(Optional.of(configured))).isEmpty();

        assertThat(authenticate(configured).account()).isEqualTo(DEFAULT);
        assertThat(saves.keys).hasSize(1);
        assertThat(saves.accounts).hasSize(1);
    }

    @Test
    void aStoreWithAccountsButNoConfiguredSecretIsLeftAlone() {
        platform.newAccount("acme");

        assertThat(bootstrap.bootstrap(Optional.empty())).isEmpty();

        assertThat(platform.store.findBySlug(DEFAULT)).isEmpty();
        assertThat(saves.accounts).isEmpty();
        assertThat(saves.keys).isEmpty();
    }

    /** Stand-in for the store's account and key writes that remembers what was inserted. */
    private final class CountingSaves implements SaveAccountPort, SaveApiKeyPort {
        final List<Account> accounts = new CopyOnWriteArrayList<>();
        final List<ApiKey> keys = new CopyOnWriteArrayList<>();

        @Override
        public Account insert(Account account) {
            Account stored = platform.store.insert(account);
            accounts.add(stored);
            return stored;
        }

        @Override
        public Account update(Account account) {
            return platform.store.update(account);
        }

        @Override
        public ApiKey insert(ApiKey key) {
            ApiKey stored = platform.store.insert(key);
            keys.add(stored);
            return stored;
        }

        @Override
        public boolean revoke(ApiKey key, Instant at) {
            return platform.store.revoke(key, at);
        }
    }
}
