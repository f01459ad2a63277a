package dev.dotgit.bootstrap;

import dev.dotgit.application.service.pipeline.ActivePipelines;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import jakarta.inject.Singleton;

/**
 * On a graceful stop, builds running on this node are stopped and their deployments failed
 * with the reason, before the job worker waits for its executions to end. Without this, a
 * build process would outlive the server, and its deployment would stay active until another
 * node noticed the dead job.
 */
@Singleton
class PipelineShutdown implements ApplicationEventListener<ShutdownEvent> {

    private final ActivePipelines activePipelines;

    PipelineShutdown(ActivePipelines activePipelines) {
        this.activePipelines = activePipelines;
    }

    @Override
    public void onApplicationEvent(ShutdownEvent event) {
        activePipelines.stopAll();
    }
}
