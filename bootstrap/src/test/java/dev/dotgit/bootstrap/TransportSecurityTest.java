package dev.dotgit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class TransportSecurityTest {

    private static InetAddress address(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void tlsIsSecureWhoeverSendsIt() throws Exception {
        TransportSecurity transport = TransportSecurity.parse("true", "");

        assertThat(transport.requireHttps()).isTrue();
        assertThat(transport.isSecure(true, address("203.0.113.9"), null)).isTrue();
        assertThat(transport.isSecure(false, address("203.0.113.9"), null)).isFalse();
    }

    @Test
    void forwardedProtoCountsOnlyFromATrustedProxyAndOnlyItsFirstValue() throws Exception {
        TransportSecurity transport = TransportSecurity.parse("true", " 10.0.0.5 , [::1]");

        assertThat(transport.isSecure(false, address("10.0.0.5"), "https")).isTrue();
        assertThat(transport.isSecure(false, address("10.0.0.5"), "HTTPS, http")).isTrue();
        assertThat(transport.isSecure(false, address("::1"), "https")).isTrue();
        assertThat(transport.isSecure(false, address("10.0.0.5"), "http, https")).isFalse();
        assertThat(transport.isSecure(false, address("10.0.0.5"), null)).isFalse();
        assertThat(transport.isSecure(false, address("10.0.0.6"), "https")).as("anyone can send the header").isFalse();
    }

    @Test
    void plainHttpIsAllowedUnlessAskedOtherwise() {
        assertThat(TransportSecurity.parse(null, null)).isEqualTo(TransportSecurity.PLAIN_HTTP_ALLOWED);
        assertThat(TransportSecurity.parse("false", null).requireHttps()).isFalse();
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> TransportSecurity.parse("yes", null))
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("dotgit.require-https");
        assertThatThrownBy(() -> TransportSecurity.parse("TRUE", null))
                .as("only the exact spelling registers the filter").isInstanceOf(InvalidConfiguration.class);
        assertThatThrownBy(() -> TransportSecurity.parse("true", "10.0.0.1,proxy.example.com"))
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("dotgit.trusted-proxies")
                .hasMessageContaining("proxy.example.com");
    }

    @Test
    void theClientBehindATrustedProxyIsTheNearestUntrustedForwardedAddress() throws Exception {
        TransportSecurity transport = TransportSecurity.parse("false", "10.0.0.5,10.0.0.6");

        assertThat(transport.clientAddress(address("10.0.0.5"), "198.51.100.7, 203.0.113.9, 10.0.0.6"))
                .as("a client cannot hide behind an address it wrote itself").isEqualTo("203.0.113.9");
        assertThat(transport.clientAddress(address("10.0.0.5"), null)).isEqualTo("10.0.0.5");
        assertThat(transport.clientAddress(address("203.0.113.9"), "198.51.100.7"))
                .as("an untrusted peer's header is ignored").isEqualTo("203.0.113.9");
    }
}
