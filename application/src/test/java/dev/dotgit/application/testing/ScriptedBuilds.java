package dev.dotgit.application.testing;

import dev.dotgit.application.port.out.build.BuildCancellation;
import dev.dotgit.application.port.out.build.BuildOutcome;
import dev.dotgit.application.port.out.build.BuildOutput;
import dev.dotgit.application.port.out.build.BuildRequest;
import dev.dotgit.application.port.out.build.RunBuildPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A build runner whose behaviour a test sets: print lines, create files, exit with a code,
 * or block until cancelled. Records every request it receives.
 */
public final class ScriptedBuilds implements RunBuildPort {

    private final List<BuildRequest> requests = new CopyOnWriteArrayList<>();
    private volatile List<String> output = List.of("building...");
    private volatile BuildOutcome outcome = new BuildOutcome.Exited(0);
    private volatile String createDirectory;
    private volatile boolean blockUntilCancelled;
    private final CountDownLatch started = new CountDownLatch(1);

    public ScriptedBuilds printing(String... lines) {
        this.output = List.of(lines);
        return this;
    }

    public ScriptedBuilds endingWith(BuildOutcome result) {
        this.outcome = result;
        return this;
    }

    /** The build creates this directory (with an index.html) in its workspace. */
    public ScriptedBuilds creating(String directory) {
        this.createDirectory = directory;
        return this;
    }

    public ScriptedBuilds blockingUntilCancelled() {
        this.blockUntilCancelled = true;
        return this;
    }

    public boolean awaitStarted(long seconds) throws InterruptedException {
        return started.await(seconds, TimeUnit.SECONDS);
    }

    public List<BuildRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public BuildOutcome run(BuildRequest request, BuildOutput out, BuildCancellation cancellation) {
        requests.add(request);
        started.countDown();
        output.forEach(out::stdout);
        if (blockUntilCancelled) {
            CountDownLatch cancelled = new CountDownLatch(1);
            cancellation.onCancel(cancelled::countDown);
            try {
                cancelled.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new BuildOutcome.Cancelled();
        }
        if (createDirectory != null) {
            try {
                Path dir = request.workingDirectory().resolve(createDirectory);
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("index.html"), "<h1>built</h1>");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return outcome;
    }
}
