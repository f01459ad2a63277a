package dev.dotgit.application.port.out.build;

/**
 * Runs build commands as child processes. On timeout or cancellation the whole process tree
 * is killed before {@link #run} returns, so no build outlives its deployment.
 */
public interface RunBuildPort {

    /** Blocks until the build ends; every output line is passed to {@code output} before returning. */
    BuildOutcome run(BuildRequest request, BuildOutput output, BuildCancellation cancellation);
}
