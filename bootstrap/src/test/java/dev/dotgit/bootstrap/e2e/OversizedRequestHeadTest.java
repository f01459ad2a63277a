package dev.dotgit.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.bootstrap.e2e.support.E2eServer;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CONTRACT §2.7 for requests Netty refuses before any route: a request line longer than
 * {@code max-initial-line-length} (16 KiB) gets 414, headers over {@code max-header-size} (8 KiB)
 * 431, as JSON with the request id and the hardening headers, in the version's envelope when
 * the path was read, and the connection is closed cleanly. Sent over a raw socket, since HTTP
 * clients refuse to send such requests.
 */
class OversizedRequestHeadTest {

    @RegisterExtension
    static final E2eServer SERVER = E2eServer.sharedOnH2();

    private final String key = SERVER.api().bootstrapKey();

    /** One answer, read to the end of the connection. */
    private record RawResponse(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonPath json() {
            return JsonPath.from(body);
        }
    }

    private static RawResponse send(String head) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), SERVER.api().port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // The server closes the connection after its answer: reading to the end proves it
            // closed it (a timeout or a reset would throw here).
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            in.transferTo(received);
            return parse(received.toString(StandardCharsets.ISO_8859_1));
        }
    }

    private static RawResponse parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        assertThat(end).as("a complete response head in:%n%s", raw).isPositive();
        String[] lines = raw.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String body = new String(raw.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        return new RawResponse(status, headers, body);
    }

    private String longLine(String path) {
        return "GET " + path + "?note=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + key + "\r\n\r\n";
    }

    private String longHeaders(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: req_oversized01\r\n"
                + "Authorization: Bearer " + key + "\r\nX-Padding: " + "b".repeat(9_000) + "\r\n\r\n";
    }

    private static void assertJsonWithCommonHeaders(RawResponse response) {
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.header("X-Request-Id")).startsWith("req_");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.body()).doesNotContain("_links", "Exception", "\tat ");
    }

    @Test
    void aRequestLineOverTheLimitIs414InTheUnversionedShapeSinceItsPathIsLost() throws IOException {
        RawResponse response = send(longLine("/v3/projects"));

        assertThat(response.status()).as(response.body()).isEqualTo(414);
        assertJsonWithCommonHeaders(response);
        assertThat(response.json().getString("error.code")).isEqualTo("uri_too_long");
        assertThat(response.json().getString("error.message")).contains("request line");
        assertThat(response.json().getString("error.request_id")).isEqualTo(response.header("X-Request-Id"));
    }

    @Test
    void headersOverTheLimitAre431InTheEnvelopeOfTheVersionThePathBelongsTo() throws IOException {
        RawResponse v1 = send(longHeaders("/v1/projects"));
        RawResponse v2 = send(longHeaders("/v2/repositories"));
        RawResponse v3 = send(longHeaders("/v3/projects"));

        for (RawResponse response : new RawResponse[] {v1, v2, v3}) {
            assertThat(response.status()).as(response.body()).isEqualTo(431);
            assertJsonWithCommonHeaders(response);
            assertThat(response.json().getString("error.code")).isEqualTo("request_header_fields_too_large");
            assertThat(response.header("X-Request-Id")).as("the client's id, read before the limit")
                    .isEqualTo("req_oversized01");
        }
        assertThat(v1.header("Api-Version")).isEqualTo("v1");
        assertThat(v2.header("Api-Version")).isEqualTo("v2");
        assertThat(v2.json().getInt("error.status")).isEqualTo(431);
        assertThat(v2.json().getString("error.details.request_id")).isEqualTo("req_oversized01");
        assertThat(v3.header("Api-Version")).isEqualTo("v3");
        assertThat(v3.json().getString("error.request_id")).isEqualTo("req_oversized01");
    }

    @Test
    void headersOverTheLimitOnAPathOfNoVersionAre431InTheUnversionedShape() throws IOException {
        RawResponse response = send(longHeaders("/nothing-here"));

        assertThat(response.status()).as(response.body()).isEqualTo(431);
        assertJsonWithCommonHeaders(response);
        assertThat(response.json().getString("error.code")).isEqualTo("request_header_fields_too_large");
        assertThat(response.json().getString("error.request_id")).isEqualTo("req_oversized01");
    }

    @Test
    void aClientCannotMarkAnOrdinaryRequestAsOversized() throws IOException {
        RawResponse response = send("GET /v3/projects HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Authorization: Bearer " + key + "\r\nX-Dotgit-Oversized-Head: line\r\n\r\n");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
