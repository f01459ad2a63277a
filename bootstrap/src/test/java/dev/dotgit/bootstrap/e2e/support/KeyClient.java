package dev.dotgit.bootstrap.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v2.support.LogSocket;
import dev.dotgit.adapter.rest.v2.support.RawUpgrade;
import dev.dotgit.adapter.rest.v3.support.SseClient;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One API key as a client uses it, over every transport the API speaks: plain requests, the v2
 * log WebSocket and the v3 server-sent event stream. Every answer comes back as a {@link Reply},
 * so tables of routes can treat the three alike.
 */
public final class KeyClient {

    private final Api api;
    private final String id;
    private final String secret;

    public KeyClient(Api api, String id, String secret) {
        this.api = api;
        this.id = id;
        this.secret = secret;
    }

    /** The key's {@code key_…} id. */
    public String id() {
        return id;
    }

    public String secret() {
        return secret;
    }

    public Api api() {
        return api;
    }

    public RequestSpecification request() {
        return api.as(secret);
    }

    public Reply get(String path) {
        return Reply.of(request().get(path));
    }

    public Reply get(String path, Map<String, ?> query) {
        return Reply.of(request().queryParams(query).get(path));
    }

    public Reply post(String path, Map<String, ?> body) {
        return Reply.of(request().contentType(ContentType.JSON).body(Api.json(body)).post(path));
    }

    /** A POST without a body, as clients send cancels, archives and redeliveries. */
    public Reply post(String path) {
        return Reply.of(request().post(path));
    }

    public Reply delete(String path) {
        return Reply.of(request().delete(path));
    }

    /**
     * A WebSocket upgrade that is only looked at, not followed: 101 when the server accepts it,
     * otherwise the refusal with its body.
     */
    public Reply upgrade(String path) {
        RawUpgrade.Reply reply = RawUpgrade.send(server(), path, "Bearer " + secret);
        return new Reply(reply.status(), reply.headers(), reply.body());
    }

    /** Every text frame of a v2 log WebSocket until the server closes it, which must be a normal close. */
    public List<String> followWebSocket(String path) {
        try (LogSocket socket = LogSocket.open(server(), path, secret)) {
            List<String> frames = socket.untilClosed(Api.DEPLOYMENT_TIMEOUT.toSeconds());
            assertThat(socket.closeCode(1)).as("close code of %s", path).isEqualTo(1000);
            return frames;
        }
    }

    /** A v3 event stream read to its end; a refused stream is its error reply. */
    public SseClient.Stream eventStream(String path) {
        return SseClient.read(server(), path, Map.of("Authorization", "Bearer " + secret), Api.DEPLOYMENT_TIMEOUT,
                event -> { });
    }

    /** As {@link #eventStream(String)}, as a reply: the events' names as the body of a stream. */
    public Reply eventStreamReply(String path) {
        SseClient.Stream stream = eventStream(path);
        Map<String, String> headers = stream.headers().entrySet().stream().collect(Collectors.toMap(
                e -> e.getKey().toLowerCase(Locale.ROOT), e -> e.getValue().get(0), (a, b) -> a));
        String body = stream.body() != null ? stream.body()
                : stream.events().stream().map(e -> e.name() == null ? ":" : e.name()).collect(Collectors.joining(","));
        return new Reply(stream.status(), headers, body);
    }

    private URI server() {
        return URI.create("http://127.0.0.1:" + api.port());
    }

    /** What came back, whatever the transport; header names in lower case. */
    public record Reply(int status, Map<String, String> headers, String body) {

        static Reply of(Response response) {
            Map<String, String> headers = response.headers().asList().stream().collect(Collectors.toMap(
                    h -> h.getName().toLowerCase(Locale.ROOT), h -> h.getValue(), (a, b) -> a));
            return new Reply(response.statusCode(), headers, response.asString());
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** A field of a JSON body, by rest-assured's path syntax. */
        public <T> T path(String path) {
            return io.restassured.path.json.JsonPath.from(body).get(path);
        }

        /**
         * The body with this reply's own request id and the given ids replaced by fixed words,
         * so replies about different objects, sent at different times, compare as text.
         */
        public String bodyWithout(Map<String, String> idsToWords) {
            String text = body;
            String requestId = header("X-Request-Id");
            if (requestId != null && !requestId.isEmpty()) {
                text = text.replace(requestId, "<request-id>");
            }
            for (Map.Entry<String, String> id : idsToWords.entrySet()) {
                text = text.replace(id.getKey(), id.getValue());
            }
            return text;
        }

        public String describe() {
            return status + " " + body;
        }
    }
}
