package dev.dotgit.adapter.rest.v3.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A real HTTP client reading a server-sent event stream over loopback, line by line, as an
 * EventSource would: it gathers fields into events at each blank line and keeps comments.
 */
public final class SseClient {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One dispatched event; {@code comment} is set for comment lines (heartbeats). */
    public record SseEvent(String name, String id, String data, String comment) {
    }

    /** What a stream delivered: its status, headers and events, or the body of a non-stream answer. */
    public record Stream(int status, Map<String, List<String>> headers, List<SseEvent> events, String body) {

        public List<SseEvent> named(String name) {
            return events.stream().filter(e -> name.equals(e.name())).toList();
        }

        public List<SseEvent> comments() {
            return events.stream().filter(e -> e.comment() != null).toList();
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private SseClient() {
    }

    /** Reads the stream at {@code path} until the server closes it (or {@code timeout} passes). */
    public static Stream read(URI server, String path, Map<String, String> headers, Duration timeout,
                              Consumer<SseEvent> onEvent) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path)).timeout(timeout).GET();
        headers.forEach(request::header);
        try {
            HttpResponse<java.io.InputStream> response =
                    CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = response.headers().firstValue("Content-Type").orElse("");
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                if (!type.startsWith("text/event-stream")) {
                    StringBuilder body = new StringBuilder();
                    reader.lines().forEach(body::append);
                    return new Stream(response.statusCode(), response.headers().map(), List.of(), body.toString());
                }
                return new Stream(response.statusCode(), response.headers().map(), parse(reader, onEvent), null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<SseEvent> parse(BufferedReader reader, Consumer<SseEvent> onEvent) throws IOException {
        List<SseEvent> events = new ArrayList<>();
        String name = null;
        String id = null;
        StringBuilder data = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null || name != null || id != null) {
                    SseEvent event = new SseEvent(name, id, data == null ? null : data.toString(), null);
                    events.add(event);
                    onEvent.accept(event);
                }
                name = null;
                id = null;
                data = null;
            } else if (line.startsWith(":")) {
                SseEvent comment = new SseEvent(null, null, null, line.substring(1).strip());
                events.add(comment);
                onEvent.accept(comment);
            } else {
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "event" -> name = value;
                    case "id" -> id = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> { }
                }
            }
        }
        return events;
    }
}
