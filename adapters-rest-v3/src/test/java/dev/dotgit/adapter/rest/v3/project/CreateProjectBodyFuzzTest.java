package dev.dotgit.adapter.rest.v3.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.dotgit.adapter.rest.v3.error.RequestRejected;
import dev.dotgit.adapter.rest.v3.http.JsonBody;
import dev.dotgit.application.port.in.project.CreateProjectCommand;
import dev.dotgit.domain.error.DomainError;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

/**
 * Fuzzes what v3 does with a project-create body before any use case runs: parse it and read it
 * into the command, the same code the route runs. Whatever the bytes, the only failures allowed are
 * the ones v3 renders as client errors (the domain's error family and v3's own request refusals);
 * anything else would reach the client as a 500. An accepted body must give a command that holds a
 * valid name and build settings. Under {@code mvn test} it replays the seed inputs next to this
 * class (regression mode); {@code JAZZER_FUZZ=1} explores further.
 */
class CreateProjectBodyFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyBodyEndsInAValidCommandOrAClientError(byte[] raw) {
        HttpRequest<?> request = HttpRequest.POST("/v3/projects", raw).contentType(MediaType.APPLICATION_JSON_TYPE);
        CreateProjectCommand command;
        try {
            command = ProjectsController.createCommand(JsonBody.parse(request, raw, ProjectsController.CREATE_FIELDS));
        } catch (DomainError | RequestRejected clientError) {
            return; // rendered as a 4xx in v3's envelope
        }
        assertThat(command.name()).isNotNull();
        assertThat(command.buildSettings()).isNotNull();
        assertThat(command.framework()).isNotNull();
        assertThat(command.repositoryId()).isNotNull();
    }
}
