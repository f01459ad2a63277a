package dev.dotgit.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.bootstrap.DotgitConfiguration;
import io.micronaut.core.value.MapPropertyResolver;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class ApiIndexControllerTest {

    private static ApiIndexController.ApiIndex indexWith(Map<String, Object> properties) {
        return new ApiIndexController(DotgitConfiguration.from(new MapPropertyResolver(properties))).index();
    }

    @Test
    void v3IsCurrentAndTheOlderVersionsAreSupported() {
        assertThat(indexWith(Map.of("dotgit.public-url", "https://api.example.test")).versions())
                .extracting(ApiIndexController.ApiVersion::version, ApiIndexController.ApiVersion::url,
                        ApiIndexController.ApiVersion::status)
                .containsExactly(
                        Tuple.tuple("v1", "https://api.example.test/v1", "supported"),
                        Tuple.tuple("v2", "https://api.example.test/v2", "supported"),
                        Tuple.tuple("v3", "https://api.example.test/v3", "current"));
    }

    @Test
    void v1IsDeprecatedOnceItsSunsetIsAnnounced() {
        assertThat(indexWith(Map.of("dotgit.v1.sunset", "2027-06-30T00:00:00Z")).versions().get(0).status())
                .isEqualTo("deprecated");
    }
}
