package dev.dotgit.application.service.idempotency;

import static dev.dotgit.application.testing.TestData.T0;
import static dev.dotgit.application.testing.TestData.anAccountSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.in.idempotency.ClaimIdempotencyKeyCommand;
import dev.dotgit.application.port.in.idempotency.ClaimOutcome;
import dev.dotgit.application.testing.InMemoryPersistence;
import dev.dotgit.application.testing.MutableClock;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.error.IdempotencyKeyInUse;
import dev.dotgit.domain.error.IdempotencyKeyReused;
import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.idempotency.IdempotencyClaim;
import dev.dotgit.domain.idempotency.StoredResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The claim → run → complete or release cycle of CONTRACT §2.6, on the in-memory store. */
class IdempotencyKeyServicesTest {

    private static final StoredResponse CREATED = new StoredResponse(201, "application/json",
            "{\"id\":\"proj_0123456789\"}".getBytes(StandardCharsets.UTF_8), "/v3/projects/proj_0123456789");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryPersistence store = new InMemoryPersistence();
    private final ClaimIdempotencyKeyService claims = new ClaimIdempotencyKeyService(store, store, clock);
    private final CompleteIdempotentRequestService completions = new CompleteIdempotentRequestService(store, clock);
    private final ReleaseIdempotencyKeyService releases = new ReleaseIdempotencyKeyService(store);
    private final AccountSlug account = anAccountSlug();

    private ClaimIdempotencyKeyCommand request(String key, String body) {
        return ClaimIdempotencyKeyCommand.of(account, key, "POST", "/v3/projects",
                body.getBytes(StandardCharsets.UTF_8));
    }

    private IdempotencyClaim newClaim(ClaimIdempotencyKeyCommand command) {
        ClaimOutcome outcome = claims.claim(command);
        assertThat(outcome).isInstanceOf(ClaimOutcome.New.class);
        return ((ClaimOutcome.New) outcome).claim();
    }

    @Test
    void theFirstRequestRunsAndItsRetryReplaysItsResponse() {
        IdempotencyClaim claim = newClaim(request("k1", "{\"name\":\"web\"}"));
        assertThat(claim.claimedAt()).isEqualTo(T0);
        assertThat(completions.complete(claim, CREATED)).isTrue();

        clock.advance(Duration.ofHours(23));
        ClaimOutcome retry = claims.claim(request("k1", "{\"name\":\"web\"}"));

        assertThat(retry).isEqualTo(new ClaimOutcome.Replay(CREATED));
    }

    @Test
    void theSameKeyForAnotherBodyIsReusedWhetherTheFirstFinishedOrNot() {
        IdempotencyClaim claim = newClaim(request("k2", "{\"name\":\"web\"}"));

        assertThatThrownBy(() -> claims.claim(request("k2", "{\"name\":\"api\"}")))
                .isInstanceOfSatisfying(IdempotencyKeyReused.class,
                        e -> assertThat(e.code()).isEqualTo("idempotency_key_reused"));
        completions.complete(claim, CREATED);
        assertThatThrownBy(() -> claims.claim(request("k2", "{\"name\":\"api\"}")))
                .isInstanceOf(IdempotencyKeyReused.class);
    }

    @Test
    void theSameKeyForAnotherPathIsReusedToo() {
        newClaim(request("k3", "{}"));

        assertThatThrownBy(() -> claims.claim(ClaimIdempotencyKeyCommand.of(account, "k3", "POST", "/v3/api-keys",
                "{}".getBytes(StandardCharsets.UTF_8)))).isInstanceOf(IdempotencyKeyReused.class);
    }

    @Test
    void theSameRequestWhileTheFirstStillRunsIsInUse() {
        newClaim(request("k4", "{}"));

        assertThatThrownBy(() -> claims.claim(request("k4", "{}")))
                .isInstanceOfSatisfying(IdempotencyKeyInUse.class,
                        e -> assertThat(e.code()).isEqualTo("idempotency_key_in_use"));
    }

    @Test
    void aReleasedKeyRunsTheRequestAgain() {
        IdempotencyClaim failed = newClaim(request("k5", "{}"));
        releases.release(failed);

        IdempotencyClaim retry = newClaim(request("k5", "{}"));

        assertThat(retry.claimId()).isNotEqualTo(failed.claimId());
    }

    @Test
    void anAbandonedClaimIsInUseForFiveMinutesThenTakenOverAndItsLateCompletionIsDropped() {
        IdempotencyClaim abandoned = newClaim(request("k6", "{}"));

        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThatThrownBy(() -> claims.claim(request("k6", "{}"))).isInstanceOf(IdempotencyKeyInUse.class);

        clock.advance(Duration.ofSeconds(1));
        IdempotencyClaim takeover = newClaim(request("k6", "{}"));
        assertThat(completions.complete(abandoned, CREATED)).isFalse();
        StoredResponse second = new StoredResponse(201, "application/json", new byte[] {'{', '}'}, null);
        assertThat(completions.complete(takeover, second)).isTrue();

        assertThat(claims.claim(request("k6", "{}"))).isEqualTo(new ClaimOutcome.Replay(second));
    }

    @Test
    void after24HoursTheKeyIsFreshForAnyRequest() {
        completions.complete(newClaim(request("k7", "{\"name\":\"web\"}")), CREATED);

        clock.advance(Duration.ofHours(24));

        newClaim(request("k7", "{\"name\":\"other\"}"));
    }

    @Test
    void keysOfOneAccountMeanNothingToAnother() {
        completions.complete(newClaim(request("k8", "{}")), CREATED);

        ClaimOutcome theirs = claims.claim(ClaimIdempotencyKeyCommand.of(anAccountSlug(), "k8", "POST", "/v3/projects",
                "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(theirs).isInstanceOf(ClaimOutcome.New.class);
    }

    @Test
    void anOverlongKeyIsInvalidInputNamingTheHeader() {
        assertThatThrownBy(() -> request("k".repeat(256), "{}"))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.first().field()).isEqualTo("Idempotency-Key"));
    }
}
