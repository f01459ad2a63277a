package dev.dotgit.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReadExecutorFactoryTest {

    private final ExecutorService blocking = Executors.newSingleThreadExecutor(r -> new Thread(r, "blocking-test"));

    @Test
    void onTheEmbeddedDatabaseReadsRunOnTheThreadTheRequestArrivedOn() throws Exception {
        ExecutorService reads = new ReadExecutorFactory().reads("jdbc:h2:file:/tmp/x;MODE=PostgreSQL", blocking);

        Future<String> ranOn = reads.submit(() -> Thread.currentThread().getName());

        assertThat(ranOn.get(0, TimeUnit.SECONDS)).isEqualTo(Thread.currentThread().getName());
        blocking.shutdownNow();
    }

    @Test
    void onPostgresqlReadsAreHandedToTheBlockingExecutor() throws Exception {
        ExecutorService reads = new ReadExecutorFactory().reads("jdbc:postgresql://127.0.0.1:5432/dotgit", blocking);

        assertThat(reads).isSameAs(blocking);
        assertThat(reads.submit(() -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS))
                .isEqualTo("blocking-test");
        blocking.shutdownNow();
    }
}
