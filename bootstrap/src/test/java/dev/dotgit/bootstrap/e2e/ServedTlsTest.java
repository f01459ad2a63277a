package dev.dotgit.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.bootstrap.e2e.support.Api;
import dev.dotgit.bootstrap.e2e.support.ServerSettings;
import dev.dotgit.bootstrap.e2e.support.TemporaryDirectory;
import dev.dotgit.bootstrap.e2e.support.TestKeyStores;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.restassured.response.Response;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CONTRACT §2.9: the server speaks TLS itself, from a key store an operator made or from a
 * certificate it generates for local use, and with {@code dotgit.require-https} on a server that
 * speaks both, the plain port refuses API requests while the TLS port serves them. Each test
 * starts a server of its own on loopback ports; the clients are the JDK's.
 */
class ServedTlsTest {

    private TemporaryDirectory work;
    private ApplicationContext running;

    @BeforeEach
    void createWorkDirectory() {
        work = TemporaryDirectory.create("dotgit-e2e-tls-");
    }

    @AfterEach
    void stop() throws Exception {
        if (running != null) {
            running.close();
        }
        work.close();
    }

    @Test
    void aGeneratedSelfSignedCertificateServesAuthenticatedRequestsOfEveryVersion() throws Exception {
        ServerSettings settings = ServerSettings.fresh(work.path().resolve("data"));
        start(settings.with("micronaut.server.ssl.enabled", "true")
                .with("micronaut.server.ssl.build-self-signed", "true")
                .with("micronaut.server.ssl.port", Integer.toString(settings.port())));
        TrustEverything client = new TrustEverything();

        HttpResponse<String> v1 = get(client.context(), settings.port(), "/v1/projects", settings);
        HttpResponse<String> v3 = get(client.context(), settings.port(), "/v3/projects", settings);

        assertThat(v1.statusCode()).as(v1.body()).isEqualTo(200);
        assertThat(v1.headers().firstValue("Api-Version")).contains("v1");
        assertThat(v3.statusCode()).as(v3.body()).isEqualTo(200);
        assertThat(v3.headers().firstValue("Api-Version")).contains("v3");
        X509Certificate served = client.lastServerCertificate();
        assertThat(served.getSubjectX500Principal()).as("self-signed").isEqualTo(served.getIssuerX500Principal());
        served.verify(served.getPublicKey());
    }

    @Test
    void aKeyStoreMadeWithKeytoolIsServedAndAClientTrustingOnlyItsCertificateConnects() throws Exception {
        TestKeyStores.Generated keyStore = TestKeyStores.generate(work.path(), "dotgit-e2e-tls", "store-secret-1");
        ServerSettings settings = ServerSettings.fresh(work.path().resolve("data"));
        start(settings.with("micronaut.server.ssl.enabled", "true")
                .with("micronaut.server.ssl.port", Integer.toString(settings.port()))
                .with("micronaut.server.ssl.key-store.path", keyStore.location())
                .with("micronaut.server.ssl.key-store.password", keyStore.password())
                .with("micronaut.server.ssl.key-store.type", "PKCS12"));

        // The JDK client checks the chain and that the certificate names 127.0.0.1.
        HttpResponse<String> v3 = get(keyStore.trustingOnlyThisCertificate(), settings.port(), "/v3/projects",
                settings);

        assertThat(v3.statusCode()).as(v3.body()).isEqualTo(200);
        SSLSession session = v3.sslSession().orElseThrow();
        X509Certificate served = (X509Certificate) session.getPeerCertificates()[0];
        assertThat(served.getSubjectX500Principal().getName()).isEqualTo("CN=dotgit-e2e-tls");
        assertThat(TestKeyStores.fingerprint(served)).isEqualTo(TestKeyStores.fingerprint(keyStore.certificate()));
    }

    @Test
    void withBothProtocolsAndRequireHttpsThePlainPortRefusesAndTheTlsPortServes() throws Exception {
        ServerSettings settings = ServerSettings.fresh(work.path().resolve("data"));
        int tlsPort = ServerSettings.freePort();
        start(settings.with("micronaut.server.ssl.enabled", "true")
                .with("micronaut.server.ssl.build-self-signed", "true")
                .with("micronaut.server.ssl.port", Integer.toString(tlsPort))
                .with("micronaut.server.dual-protocol", "true")
                .with("dotgit.require-https", "true"));
        Api plain = new Api(settings);

        Response v1 = plain.admin().get("/v1/projects");
        Response v2 = plain.admin().get("/v2/repositories");
        Response v3 = plain.admin().get("/v3/projects");
        HttpResponse<String> overTls = get(new TrustEverything().context(), tlsPort, "/v3/projects", settings);
        HttpResponse<String> v1OverTls = get(new TrustEverything().context(), tlsPort, "/v1/projects", settings);

        for (Response refused : new Response[] {v1, v2, v3}) {
            assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(403);
            assertThat(refused.<String>path("error.code")).isEqualTo("https_required");
            assertThat(refused.contentType()).startsWith("application/json");
        }
        assertThat(v1.header("Api-Version")).isEqualTo("v1");
        assertThat(v2.<Integer>path("error.status")).isEqualTo(403);
        assertThat(v2.<String>path("error.details.request_id")).isEqualTo(v2.header("X-Request-Id"));
        assertThat(v3.<String>path("error.request_id")).isEqualTo(v3.header("X-Request-Id"));
        assertThat(overTls.statusCode()).as(overTls.body()).isEqualTo(200);
        assertThat(v1OverTls.statusCode()).as(v1OverTls.body()).isEqualTo(200);
        assertThat(plain.anonymous().get("/health").statusCode()).as("probes stay on the plain port").isEqualTo(200);
    }

    private void start(ServerSettings settings) {
        Map<String, Object> properties = new LinkedHashMap<>(settings.properties());
        running = ApplicationContext.run(EmbeddedServer.class, properties).getApplicationContext();
    }

    private static HttpResponse<String> get(SSLContext tls, int port, String path, ServerSettings settings)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + settings.bootstrapKey().reveal())
                .timeout(Duration.ofSeconds(30)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A client for a certificate nobody could have known in advance (generated at start): it
     * accepts any server, and keeps what it was shown so the test can look at it.
     */
    private static final class TrustEverything extends X509ExtendedTrustManager {

        private volatile X509Certificate[] lastChain;

        SSLContext context() throws Exception {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {this}, null);
            return context;
        }

        X509Certificate lastServerCertificate() {
            assertThat(lastChain).as("a server certificate was presented").isNotEmpty();
            return lastChain[0];
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            lastChain = chain;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            lastChain = chain;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            lastChain = chain;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new UnsupportedOperationException("a client only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("a client only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a client only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
