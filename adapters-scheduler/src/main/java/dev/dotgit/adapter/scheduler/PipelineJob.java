package dev.dotgit.adapter.scheduler;

import com.github.kagkarlsson.scheduler.task.Task;
import dev.dotgit.application.port.in.deployment.RunDeploymentPipelineUseCase;
import jakarta.inject.Singleton;

/** The deployment pipeline as a durable job (see {@link PipelineTask}). */
@Singleton
final class PipelineJob implements DurableJob {

    private final Task<Void> task;

    PipelineJob(RunDeploymentPipelineUseCase pipeline, JobsConfiguration configuration) {
        this.task = PipelineTask.create(pipeline, configuration.getMaxAttempts(), configuration.getRetryInitialDelay(),
                configuration.getRetryMaxDelay());
    }

    @Override
    public Task<?> task() {
        return task;
    }
}
