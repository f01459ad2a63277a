package dev.dotgit.application.service.account;

import dev.dotgit.application.testing.PlatformTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.in.account.CreateAccountCommand;
import dev.dotgit.application.port.in.account.CreatedAccount;
import dev.dotgit.application.port.in.account.RateLimitInput;
import dev.dotgit.application.port.in.account.UpdateAccountCommand;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.account.Account;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.account.Plan;
import dev.dotgit.domain.account.RateLimit;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.error.AlreadyExists;
import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.error.NotFound;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The operator's account actions: {@code CreateAccountService} and {@code UpdateAccountService}. */
class AccountServicesTest extends PlatformTest {

    private Account stored(String slug) {
        return platform.store.findBySlug(new AccountSlug(slug)).orElseThrow();
    }

    @Test
    void aNewAccountGetsAPublicKeyAndAnAdminKeyWhoseSecretIsInTheResult() {
        CreatedAccount created = platform.createAccount.create(CreateAccountCommand.of("acme", "starter",
                new RateLimitInput(120L, 30L)));

        assertThat(created.account().slug()).isEqualTo(new AccountSlug("acme"));
        assertThat(created.account().plan()).isEqualTo(Plan.STARTER);
        assertThat(created.account().effectiveRateLimit()).isEqualTo(new RateLimit(120, 30));
        assertThat(created.account().publicKey().value()).startsWith("gpk_live_");
        assertThat(created.secret().reveal()).startsWith("gsk_live_");
        assertThat(created.adminKey().scopes()).containsExactly(Scope.ADMIN);
        assertThat(created.adminKey().lastFour()).isEqualTo(created.secret().lastFour());
        assertThat(created.adminKey().secretHash().matches(created.secret().hash())).isTrue();
        assertThat(created.adminKey().toString()).doesNotContain(created.secret().reveal());
        assertThat(stored("acme")).isEqualTo(created.account());

        Caller caller = platform.authenticateCaller.authenticate(created.secret().reveal());
        assertThat(caller.account()).isEqualTo(new AccountSlug("acme"));
        assertThat(caller.scopes()).isEqualTo(Set.of(Scope.ADMIN));
        assertThat(caller.isRestricted()).isFalse();
    }

    @Test
    void everyAccountGetsItsOwnKeys() {
        CreatedAccount one = platform.newAccount("one");
        CreatedAccount two = platform.newAccount("two");

        assertThat(one.secret().reveal()).isNotEqualTo(two.secret().reveal());
        assertThat(one.account().publicKey()).isNotEqualTo(two.account().publicKey());
        assertThat(platform.authenticateCaller.authenticate(two.secret().reveal()).account())
                .isEqualTo(new AccountSlug("two"));
    }

    @Test
    void thePlanDefaultsToFree() {
        CreatedAccount created = platform.createAccount.create(CreateAccountCommand.of("acme", null, null));

        assertThat(created.account().plan()).isEqualTo(Plan.FREE);
        assertThat(created.account().customRateLimit()).isNull();
        assertThat(created.account().effectiveRateLimit()).isEqualTo(Plan.FREE.defaultRateLimit());
    }

    @Test
    void aTakenSlugIsAlreadyExistsAndChangesNothing() {
        CreatedAccount first = platform.newAccount("acme");

        assertThatThrownBy(() -> platform.createAccount.create(CreateAccountCommand.of("acme", "enterprise", null)))
                .isInstanceOfSatisfying(AlreadyExists.class, e -> {
                    assertThat(e.code()).isEqualTo("already_exists");
                    assertThat(e.details()).containsEntry("field", "slug").containsEntry("value", "acme");
                });
        assertThat(stored("acme")).isEqualTo(first.account());
    }

    @Test
    void badInputIsReportedForEveryField() {
        assertThatThrownBy(() -> CreateAccountCommand.of("-Bad-", "platinum", new RateLimitInput(0L, 5L)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(InvalidInput.Violation::field)
                        .containsExactlyInAnyOrder("slug", "plan", "rate_limit.per_minute"));
        assertThatThrownBy(() -> CreateAccountCommand.of(null, null, new RateLimitInput(10L, null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(InvalidInput.Violation::field)
                        .containsExactlyInAnyOrder("slug", "rate_limit.burst"));
    }

    @Test
    void anUpdateChangesThePlanAndKeepsTheRest() {
        CreatedAccount created = platform.newAccount("acme");

        Account updated = platform.updateAccount.update(new UpdateAccountCommand("acme", Optional.of(Plan.ENTERPRISE),
                Optional.empty(), false));

        assertThat(updated.plan()).isEqualTo(Plan.ENTERPRISE);
        assertThat(updated.effectiveRateLimit()).isEqualTo(new RateLimit(6000, 200));
        assertThat(updated.publicKey()).isEqualTo(created.account().publicKey());
        assertThat(stored("acme")).isEqualTo(updated);
        assertThat(platform.authenticateCaller.authenticate(created.secret().reveal()).account())
                .isEqualTo(new AccountSlug("acme"));
    }

    @Test
    void aCustomRateLimitIsSetKeptAndCleared() {
        platform.newAccount("acme");

        Account limited = platform.updateAccount.update(new UpdateAccountCommand("acme", Optional.empty(),
                Optional.of(new RateLimit(1000, 100)), true));
        assertThat(limited.plan()).isEqualTo(Plan.PRO);
        assertThat(limited.effectiveRateLimit()).isEqualTo(new RateLimit(1000, 100));

        Account replanned = platform.updateAccount.update(new UpdateAccountCommand("acme", Optional.of(Plan.FREE),
                Optional.empty(), false));
        assertThat(replanned.plan()).isEqualTo(Plan.FREE);
        assertThat(replanned.effectiveRateLimit()).as("a plan change keeps the custom limit")
                .isEqualTo(new RateLimit(1000, 100));

        Account cleared = platform.updateAccount.update(new UpdateAccountCommand("acme", Optional.empty(),
                Optional.empty(), true));
        assertThat(cleared.customRateLimit()).isNull();
        assertThat(cleared.effectiveRateLimit()).isEqualTo(Plan.FREE.defaultRateLimit());
        assertThat(stored("acme")).isEqualTo(cleared);
    }

    @Test
    void anUnknownOrMalformedSlugIsNotFound() {
        for (String slug : new String[] {"nobody", "Not A Slug"}) {
            assertThatThrownBy(() -> platform.updateAccount.update(new UpdateAccountCommand(slug,
                    Optional.of(Plan.PRO), Optional.empty(), false)))
                    .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.code()).isEqualTo("not_found"));
        }
    }
}
