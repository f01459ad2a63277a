package dev.dotgit.bootstrap.http;

import dev.dotgit.application.port.in.platform.PlatformUrls;
import dev.dotgit.bootstrap.DotgitConfiguration;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * {@code GET /}: where the API versions live, for people and scripts finding their way
 * (public, like the health check). It is also the benchmark's yardstick: a constant reply
 * built once and answered on the event loop, so that every other route's cost is measured
 * against the server's floor.
 */
@Controller
class ApiIndexController {

    @Serdeable(naming = SnakeCaseStrategy.class)
    record ApiIndex(String name, List<ApiVersion> versions, String healthUrl) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record ApiVersion(String version, String url, String status) {
    }

    private final ApiIndex index;

    /**
     * All three versions are served at once. v3 is the one to build on; v1 and v2 keep working
     * unchanged, and v1 says "deprecated" once an operator has announced its sunset.
     */
    ApiIndexController(DotgitConfiguration configuration) {
        PlatformUrls urls = configuration.urls();
        this.index = new ApiIndex("dotgit", List.of(
                new ApiVersion("v1", urls.api("/v1"), configuration.v1Sunset().isPresent() ? "deprecated" : "supported"),
                new ApiVersion("v2", urls.api("/v2"), "supported"),
                new ApiVersion("v3", urls.api("/v3"), "current")),
                urls.api("/health"));
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    ApiIndex index() {
        return index;
    }
}
