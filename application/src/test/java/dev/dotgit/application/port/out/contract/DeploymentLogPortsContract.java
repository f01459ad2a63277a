package dev.dotgit.application.port.out.contract;

import static dev.dotgit.application.testing.TestData.T0;
import static dev.dotgit.application.testing.TestData.aDeployment;
import static dev.dotgit.application.testing.TestData.anAccountSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.in.deployment.LogRange;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.out.deployment.AppendDeploymentLogPort;
import dev.dotgit.application.port.out.deployment.LoadDeploymentLogPort;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.deployment.LogEntry;
import dev.dotgit.domain.deployment.LogLevel;
import dev.dotgit.domain.deployment.LogLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour of {@link AppendDeploymentLogPort} and {@link LoadDeploymentLogPort}. */
public abstract class DeploymentLogPortsContract {

    private PersistencePorts ports;
    private AppendDeploymentLogPort logs;
    private LoadDeploymentLogPort readLogs;
    private Deployment deployment;

    /** The store under test; see {@link PersistencePorts} for what it must be like. */
    protected abstract PersistencePorts ports();

    @BeforeEach
    void obtainPorts() {
        ports = ports();
        logs = ports.appendLogs();
        readLogs = ports.loadLogs();
        deployment = ports.saveDeployments().insert(aDeployment().ofAccount(anAccountSlug()).build());
    }

    @Test
    void appendedLinesAreNumberedFromOneInTheOrderGiven() {
        List<LogEntry> entries = List.of(LogEntry.info(T0.plusMillis(1), "Deployment queued"),
                LogEntry.warn(T0.plusMillis(2), "npm WARN deprecated"), LogEntry.error(T0.plusMillis(3), "boom"));

        List<LogLine> appended = logs.append(deployment.id(), entries);

        assertThat(appended).containsExactly(new LogLine(1, T0.plusMillis(1), LogLevel.INFO, "Deployment queued"),
                new LogLine(2, T0.plusMillis(2), LogLevel.WARN, "npm WARN deprecated"),
                new LogLine(3, T0.plusMillis(3), LogLevel.ERROR, "boom"));
        Page<LogLine> stored = readLogs.read(deployment.id(), LogRange.offset(0, 10));
        assertThat(stored.items()).containsExactlyElementsOf(appended);
        assertThat(stored.total()).hasValue(3);
        assertThat(stored.hasMore()).isFalse();
    }

    @Test
    void laterAppendsContinueTheNumbering() {
        logs.append(deployment.id(), lines("first", 2));

        List<LogLine> appended = logs.append(deployment.id(), lines("second", 3));

        assertThat(appended).extracting(LogLine::seq).containsExactly(3L, 4L, 5L);
        assertThat(readLogs.read(deployment.id(), LogRange.offset(0, 10)).items()).extracting(LogLine::message)
                .containsExactly("first 1", "first 2", "second 1", "second 2", "second 3");
    }

    @Test
    void eachDeploymentIsNumberedOnItsOwn() {
        Deployment other = ports.saveDeployments().insert(aDeployment().ofAccount(deployment.account()).build());
        logs.append(deployment.id(), lines("mine", 3));

        List<LogLine> theirs = logs.append(other.id(), lines("theirs", 2));

        assertThat(theirs).extracting(LogLine::seq).containsExactly(1L, 2L);
        assertThat(readLogs.read(other.id(), LogRange.offset(0, 10)).total()).hasValue(2);
        assertThat(readLogs.read(deployment.id(), LogRange.offset(0, 10)).total()).hasValue(3);
    }

    @Test
    void offsetReadsReturnASliceAndCountEveryLine() {
        logs.append(deployment.id(), lines("line", 10));

        Page<LogLine> middle = readLogs.read(deployment.id(), LogRange.offset(3, 4));
        Page<LogLine> end = readLogs.read(deployment.id(), LogRange.offset(8, 4));
        Page<LogLine> beyond = readLogs.read(deployment.id(), LogRange.offset(10, 5));

        assertThat(middle.items()).extracting(LogLine::seq).containsExactly(4L, 5L, 6L, 7L);
        assertThat(middle.total()).hasValue(10);
        assertThat(middle.hasMore()).isTrue();
        assertThat(end.items()).extracting(LogLine::seq).containsExactly(9L, 10L);
        assertThat(end.hasMore()).isFalse();
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).hasValue(10);
        assertThat(beyond.hasMore()).isFalse();
    }

    @Test
    void afterSeqReadsContinueStrictlyAfterTheGivenNumber() {
        logs.append(deployment.id(), lines("line", 10));

        Page<LogLine> start = readLogs.read(deployment.id(), LogRange.after(0, 4));
        Page<LogLine> exactEnd = readLogs.read(deployment.id(), LogRange.after(6, 4));
        Page<LogLine> caughtUp = readLogs.read(deployment.id(), LogRange.after(10, 5));

        assertThat(start.items()).extracting(LogLine::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(start.hasMore()).isTrue();
        assertThat(start.total()).isEmpty();
        assertThat(exactEnd.items()).extracting(LogLine::seq).containsExactly(7L, 8L, 9L, 10L);
        assertThat(exactEnd.hasMore()).isFalse();
        assertThat(caughtUp.items()).isEmpty();
        assertThat(caughtUp.hasMore()).isFalse();
    }

    @Test
    void concurrentAppendersInSeparateTransactionsGetGaplessDistinctNumbers() throws Exception {
        int writers = 4;
        int linesEach = 50;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String writer = "writer-" + w;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 1; i <= linesEach; i++) {
                        LogEntry entry = LogEntry.info(T0, writer + " line " + i);
                        ports.transactions().inTransaction(() -> logs.append(deployment.id(), List.of(entry)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Page<LogLine> stored = readLogs.read(deployment.id(), LogRange.offset(0, 1000));
        assertThat(stored.items()).extracting(LogLine::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, (long) writers * linesEach).boxed().toList());
        assertThat(stored.total()).hasValue((long) writers * linesEach);
        for (int w = 0; w < writers; w++) {
            String writer = "writer-" + w + " ";
            assertThat(stored.items()).map(LogLine::message).filteredOn(m -> m.startsWith(writer))
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, linesEach)
                            .mapToObj(i -> writer + "line " + i).toList());
        }
    }

    @Test
    void appendingToADeletedDeploymentWritesNothing() {
        logs.append(deployment.id(), lines("before", 2));
        ports.deleteDeployments().delete(deployment);

        assertThat(logs.append(deployment.id(), lines("after", 2))).isEmpty();
        assertThat(logs.append(DeploymentId.generate(), lines("never", 1))).isEmpty();

        Page<LogLine> stored = readLogs.read(deployment.id(), LogRange.offset(0, 10));
        assertThat(stored.items()).isEmpty();
        assertThat(stored.total()).hasValue(0);
    }

    /**
     * The appender starts while the delete's transaction is still open, so it usually waits for
     * that transaction; whether it waits or comes after, it must find the deployment gone.
     */
    @Test
    void anAppendRacingADeleteWritesNothingOnceTheDeleteCommits() throws Exception {
        logs.append(deployment.id(), lines("before", 2));
        CountDownLatch deleted = new CountDownLatch(1);
        CountDownLatch appending = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> delete = pool.submit(() -> ports.transactions().inTransaction(() -> {
                ports.deleteDeployments().delete(deployment);
                deleted.countDown();
                await(appending);
            }));
            Future<List<LogLine>> append = pool.submit(() -> {
                await(deleted);
                appending.countDown();
                return logs.append(deployment.id(), lines("during", 3));
            });

            delete.get(30, TimeUnit.SECONDS);
            assertThat(append.get(30, TimeUnit.SECONDS)).isEmpty();
        } finally {
            pool.shutdownNow();
        }
        assertThat(readLogs.read(deployment.id(), LogRange.offset(0, 10)).total()).hasValue(0);
        assertThat(ports.loadDeployments().findById(deployment.id())).isEmpty();
    }

    @Test
    void theLogOfAnUnknownDeploymentIsEmpty() {
        DeploymentId unknown = DeploymentId.generate();

        assertThat(readLogs.read(unknown, LogRange.offset(0, 10)).total()).hasValue(0);
        assertThat(readLogs.read(unknown, LogRange.after(0, 10)).items()).isEmpty();
    }

    @Test
    void appendingNoLinesWritesNothing() {
        assertThat(logs.append(deployment.id(), List.of())).isEmpty();

        assertThat(logs.append(deployment.id(), lines("first", 1))).extracting(LogLine::seq).containsExactly(1L);
    }

    @Test
    void aRolledBackAppendLeavesNoLinesAndItsNumbersAreGivenOutAgain() {
        logs.append(deployment.id(), lines("kept", 2));
        IllegalStateException failure = new IllegalStateException("the use case failed after logging");

        assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
            logs.append(deployment.id(), lines("discarded", 3));
            throw failure;
        })).isSameAs(failure);
        List<LogLine> next = logs.append(deployment.id(), lines("next", 1));

        assertThat(next).extracting(LogLine::seq).containsExactly(3L);
        assertThat(readLogs.read(deployment.id(), LogRange.offset(0, 10)).items()).extracting(LogLine::message)
                .containsExactly("kept 1", "kept 2", "next 1");
    }

    @Test
    void appendingNeverMovesTheDeploymentsVersionSoAStatusChangeStillSucceeds() {
        logs.append(deployment.id(), lines("while queued", 3));

        Deployment building = ports.saveDeployments().update(deployment.startBuilding(T0.plusSeconds(1)));

        assertThat(building.version()).isEqualTo(deployment.version() + 1);
        assertThat(ports.loadDeployments().findById(deployment.id())).contains(building);
    }

    @Test
    void longAndUnusualMessagesReadBackIntact() {
        String huge = "x".repeat(LogEntry.MAX_MESSAGE_LENGTH + 500);
        Instant at = T0.plusSeconds(3).plusMillis(456);
        List<LogEntry> entries = List.of(new LogEntry(at, LogLevel.INFO, huge),
                new LogEntry(at, LogLevel.WARN, "quotes \" ' \\ and\ttabs ünïcode 中文 😀"),
                new LogEntry(at, LogLevel.ERROR, "nul\0byte"),
                new LogEntry(at, LogLevel.INFO, ""));

        List<LogLine> appended = logs.append(deployment.id(), entries);

        List<LogLine> stored = readLogs.read(deployment.id(), LogRange.after(0, 10)).items();
        assertThat(stored).containsExactlyElementsOf(appended);
        assertThat(stored.get(0).message()).hasSize(LogEntry.MAX_MESSAGE_LENGTH + " [line truncated]".length());
        assertThat(stored.get(2).message()).isEqualTo("nul?byte");
        assertThat(stored).extracting(LogLine::timestamp).containsOnly(at);
    }

    @Test
    void appendingWhileActiveWritesToAQueuedBuildingOrDeployingDeployment() {
        logs.appendWhileActive(deployment.id(), lines("queued", 1));
        Deployment building = ports.saveDeployments().update(deployment.startBuilding(T0.plusSeconds(1)));
        logs.appendWhileActive(deployment.id(), lines("building", 1));
        ports.saveDeployments().update(building.startDeploying());

        List<LogLine> appended = logs.appendWhileActive(deployment.id(), lines("deploying", 1));

        assertThat(appended).extracting(LogLine::seq).containsExactly(3L);
        assertThat(readLogs.read(deployment.id(), LogRange.offset(0, 10)).items()).extracting(LogLine::message)
                .containsExactly("queued 1", "building 1", "deploying 1");
    }

    @Test
    void onceTheDeploymentIsFinalItsLogIsClosedToAppendsWhileActive() {
        logs.append(deployment.id(), lines("before", 2));
        Deployment cancelled = ports.saveDeployments().update(deployment.cancel(T0.plusSeconds(2), "key_0123456789"));
        logs.append(cancelled.id(), lines("closing", 1));

        List<LogLine> late = logs.appendWhileActive(deployment.id(), lines("late", 2));

        assertThat(late).isEmpty();
        assertThat(readLogs.read(deployment.id(), LogRange.offset(0, 10)).items()).extracting(LogLine::message)
                .containsExactly("before 1", "before 2", "closing 1");
        assertThat(logs.append(deployment.id(), lines("after", 1))).extracting(LogLine::seq).containsExactly(4L);
    }

    @Test
    void anAppendWhileActiveRacingTheFinalStatusWritesNothingOnceTheStatusCommits() throws Exception {
        logs.append(deployment.id(), lines("before", 2));
        CountDownLatch finalised = new CountDownLatch(1);
        CountDownLatch appending = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> fail = pool.submit(() -> ports.transactions().inTransaction(() -> {
                Deployment failed = ports.saveDeployments().update(deployment.fail(T0.plusSeconds(3), "boom"));
                logs.append(failed.id(), lines("closing", 1));
                finalised.countDown();
                await(appending);
                return failed;
            }));
            Future<List<LogLine>> append = pool.submit(() -> {
                await(finalised);
                appending.countDown();
                return logs.appendWhileActive(deployment.id(), lines("late", 3));
            });

            fail.get(30, TimeUnit.SECONDS);
            assertThat(append.get(30, TimeUnit.SECONDS)).isEmpty();
        } finally {
            pool.shutdownNow();
        }
        assertThat(readLogs.read(deployment.id(), LogRange.offset(0, 10)).items()).extracting(LogLine::message)
                .containsExactly("before 1", "before 2", "closing 1");
    }

    @Test
    void appendingWhileActiveToADeletedDeploymentWritesNothing() {
        ports.deleteDeployments().delete(deployment);

        assertThat(logs.appendWhileActive(deployment.id(), lines("gone", 1))).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<LogEntry> lines(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> LogEntry.info(T0.plusMillis(i), prefix + " " + i))
                .toList();
    }
}
