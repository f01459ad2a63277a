package dev.dotgit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.core.value.MapPropertyResolver;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The start-up check of Micronaut's TLS keys: each mistake is named by its key (the e2e tests cover real key stores). */
class ServerTlsTest {

    private static ServerTls check(Map<String, Object> properties) {
        return ServerTls.check(new MapPropertyResolver(properties));
    }

    @Test
    void withoutTlsLinksStayOnThePlainPort() {
        ServerTls tls = check(Map.of());

        assertThat(tls).isEqualTo(ServerTls.OFF);
        assertThat(tls.defaultPublicUrl(8080)).isEqualTo("http://localhost:8080");
        assertThat(tls.defaultPublicUrl(80)).isEqualTo("http://localhost");
    }

    @Test
    void aGeneratedCertificateNeedsNoKeyStoreAndLinksUseTheTlsPort() {
        ServerTls tls = check(Map.of("micronaut.server.ssl.enabled", "true",
                "micronaut.server.ssl.build-self-signed", "true", "micronaut.server.ssl.port", "9443"));

        assertThat(tls).isEqualTo(new ServerTls(true, false, 9443));
        assertThat(tls.defaultPublicUrl(8080)).isEqualTo("https://localhost:9443");
    }

    @Test
    void tlsWithNeitherKeyStoreNorGeneratedCertificateNamesTheKeyStorePath() {
        assertThatThrownBy(() -> check(Map.of("micronaut.server.ssl.enabled", "true")))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageStartingWith("micronaut.server.ssl.key-store.path is required");
    }

    @Test
    void aKeyStorePathWithoutItsPrefixSaysHowToWriteIt() {
        assertThatThrownBy(() -> check(Map.of("micronaut.server.ssl.enabled", "true",
                "micronaut.server.ssl.key-store.path", "/etc/dotgit/tls.p12")))
                .hasMessageContaining("must start with file:")
                .hasMessageContaining("file:/etc/dotgit/tls.p12");
    }

    @Test
    void settingsThatNeedTlsButFindItOffAreRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> check(Map.of("micronaut.server.ssl.build-self-signed", "true")))
                .hasMessageStartingWith("micronaut.server.ssl.build-self-signed");
        assertThatThrownBy(() -> check(Map.of("micronaut.server.dual-protocol", "true")))
                .hasMessageStartingWith("micronaut.server.dual-protocol");
        assertThatThrownBy(() -> check(Map.of("micronaut.server.ssl.enabled", "yes")))
                .hasMessageStartingWith("micronaut.server.ssl.enabled must be true or false");
        assertThatThrownBy(() -> check(Map.of("micronaut.server.ssl.enabled", "true",
                "micronaut.server.ssl.build-self-signed", "true", "micronaut.server.ssl.port", "99999")))
                .hasMessageStartingWith("micronaut.server.ssl.port");
    }
}
