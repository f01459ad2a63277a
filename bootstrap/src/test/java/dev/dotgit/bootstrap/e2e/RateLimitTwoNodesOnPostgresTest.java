package dev.dotgit.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.bootstrap.e2e.support.Api;
import dev.dotgit.bootstrap.e2e.support.TwoNodesOnPostgres;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two nodes over one PostgreSQL database share one budget per account (CONTRACT §2.5, §7): a
 * client hammering both at once gets, in total, no more than the bucket gives out (its burst plus
 * what refills while the test runs) and no fewer than that less the tokens the nodes may still hold
 * in their reserves (one chunk each: one token at these numbers). Each node grants some and refuses
 * some, and its refusals carry the shared numbers.
 */
class RateLimitTwoNodesOnPostgresTest {

    private static final int BURST = 10;
    private static final int PER_MINUTE = 6;
    /** A node's reserve at these numbers (ConsumeRateLimitService.chunk): 6 a minute is under one token per 100 ms. */
    private static final int CHUNK = 1;
    private static final int NODES = 2;

    @RegisterExtension
    static final TwoNodesOnPostgres NODES_ON_ONE_DATABASE = new TwoNodesOnPostgres();

    @Test
    void aClientHammeringBothNodesGetsOneSharedBudget() throws Exception {
        String key = RateLimitTest.newAccount(NODES_ON_ONE_DATABASE.first(), "free", PER_MINUTE, BURST);
        Api[] nodes = {NODES_ON_ONE_DATABASE.first(), NODES_ON_ONE_DATABASE.second()};
        AtomicIntegerArray allowed = new AtomicIntegerArray(NODES);
        AtomicIntegerArray refused = new AtomicIntegerArray(NODES);
        List<String> unexpected = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);

        long started = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int client = 0; client < 8; client++) {
                int first = client;
                done.add(clients.submit((Callable<Void>) () -> {
                    for (int i = 0; i < 25; i++) {
                        int node = (first + i) % NODES;
                        Response response = nodes[node].as(key).get("/v1/projects");
                        if (response.statusCode() == 200) {
                            allowed.incrementAndGet(node);
                        } else if (response.statusCode() == 429) {
                            refused.incrementAndGet(node);
                            assertThat(response.header("X-RateLimit-Remaining")).isEqualTo("0");
                            assertThat(response.header("X-RateLimit-Limit")).isEqualTo(Integer.toString(PER_MINUTE));
                            assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
                        } else {
                            synchronized (unexpected) {
                                unexpected.add(response.statusCode() + " " + response.asString());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            clients.shutdownNow();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        long refilled = (long) Math.ceil(PER_MINUTE * elapsed.toMillis() / 60_000.0);
        int total = allowed.get(0) + allowed.get(1);
        assertThat(unexpected).isEmpty();
        assertThat(total).as("granted in %s across both nodes (%s + %s)", elapsed, allowed.get(0), allowed.get(1))
                .isLessThanOrEqualTo(BURST + (int) refilled)
                .isGreaterThanOrEqualTo(BURST - CHUNK * NODES);
        assertThat(allowed.get(0)).as("node 1 granted some").isPositive();
        assertThat(allowed.get(1)).as("node 2 granted some").isPositive();
        assertThat(refused.get(0)).as("node 1 refused some").isPositive();
        assertThat(refused.get(1)).as("node 2 refused some").isPositive();
    }
}
