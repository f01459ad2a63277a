package dev.dotgit.application.service.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.testing.MutableClock;
import dev.dotgit.application.testing.TestData;
import dev.dotgit.domain.error.RateLimited;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThrottleFailedAuthenticationServiceTest {

    private final MutableClock clock = new MutableClock(TestData.T0);
    private final ThrottleFailedAuthenticationService throttle = new ThrottleFailedAuthenticationService(clock, 20,
            Duration.ofSeconds(60), Duration.ofSeconds(60));

    private void fail(String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(address);
        }
    }

    @Test
    void theTwentiethFailureWithinAMinuteBlocksTheAddressForAMinute() {
        fail("203.0.113.7", 19);
        assertThatCode(() -> throttle.requireNotBlocked("203.0.113.7")).doesNotThrowAnyException();

        fail("203.0.113.7", 1);

        assertThatThrownBy(() -> throttle.requireNotBlocked("203.0.113.7"))
                .isInstanceOfSatisfying(RateLimited.class, e -> {
                    assertThat(e.code()).isEqualTo("rate_limit_exceeded");
                    assertThat(e.retryAfterSeconds()).isEqualTo(60);
                });
        clock.advance(Duration.ofSeconds(45));
        assertThatThrownBy(() -> throttle.requireNotBlocked("203.0.113.7"))
                .isInstanceOfSatisfying(RateLimited.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(15));
        clock.advance(Duration.ofSeconds(15));
        assertThatCode(() -> throttle.requireNotBlocked("203.0.113.7")).doesNotThrowAnyException();
    }

    @Test
    void failuresSpreadOverMoreThanAMinuteNeverBlock() {
        fail("203.0.113.8", 19);
        clock.advance(Duration.ofSeconds(61));
        fail("203.0.113.8", 19);

        assertThatCode(() -> throttle.requireNotBlocked("203.0.113.8")).doesNotThrowAnyException();
    }

    @Test
    void oneAddressBeingBlockedLeavesOthersAlone() {
        fail("203.0.113.9", 20);

        assertThatCode(() -> throttle.requireNotBlocked("203.0.113.10")).doesNotThrowAnyException();
    }

    @Test
    void concurrentFailuresAreAllCounted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                done.add(pool.submit(() -> throttle.recordFailure("198.51.100.1")));
            }
            for (Future<?> future : done) {
                future.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThatThrownBy(() -> throttle.requireNotBlocked("198.51.100.1")).isInstanceOf(RateLimited.class);
    }
}
