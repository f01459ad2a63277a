package dev.dotgit.adapter.rest.v1.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.in.platform.PlatformUrls;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class V1SunsetTest {

    private static final PlatformUrls URLS = new PlatformUrls(URI.create("https://api.example.com/"), "example.app");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/v1/projects, /v3/projects",
            "/v1/projects/proj_a1b2c3d4e5, /v3/projects/proj_a1b2c3d4e5",
            "/v1/projects/proj_a1b2c3d4e5/deployments, /v3/projects/proj_a1b2c3d4e5/deployments",
            "/v1/deployments/dep_a1b2c3d4e5, /v3/deployments/dep_a1b2c3d4e5",
            "/v1/deployments/dep_a1b2c3d4e5/cancel, /v3/deployments/dep_a1b2c3d4e5/cancel",
            "/v1/deployments/dep_a1b2c3d4e5/logs, /v3/deployments/dep_a1b2c3d4e5/logs",
            "/v1/deployments, /v3/projects",
            "/v1, /v3/projects",
            "/v1/, /v3/projects",
            "/v1/unknown/thing, /v3/projects",
            "/v1/deployments/dep_a1b2c3d4e5/unknown, /v3/projects",
            "'/v1/deployments/dep x>; rel=evil', /v3/projects",
            "/v1/projects/, /v3/projects"
    })
    void eachV1PathLinksToItsV3CounterpartOrTheProjectList(String v1Path, String v3Path) {
        assertThat(V1Sunset.successorPath(v1Path)).isEqualTo(v3Path);
    }

    @Test
    void theHeadersUseUnixSecondsAndAnImfFixdateWithATwoDigitDay() {
        MutableHttpResponse<?> response = HttpResponse.ok();

        new V1Sunset("2026-03-05T14:30:00Z", URLS).decorate("/v1/projects", response);

        assertThat(response.getHeaders().get("Deprecation")).isEqualTo("@1772721000");
        assertThat(response.getHeaders().get("Sunset")).isEqualTo("Thu, 05 Mar 2026 14:30:00 GMT");
        assertThat(response.getHeaders().get("Link"))
                .isEqualTo("<https://api.example.com/v3/projects>; rel=\"successor-version\"");
    }

    @Test
    void withoutASunsetNothingIsAdded() {
        MutableHttpResponse<?> response = HttpResponse.ok();

        new V1Sunset("", URLS).decorate("/v1/projects", response);

        assertThat(response.getHeaders().names()).isEmpty();
    }

    @Test
    void aSunsetThatIsNotAnInstantStopsStartUpNamingTheKey() {
        assertThatThrownBy(() -> new V1Sunset("next spring", URLS))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("dotgit.v1.sunset");
    }
}
