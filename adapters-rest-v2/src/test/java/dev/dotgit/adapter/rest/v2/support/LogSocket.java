package dev.dotgit.adapter.rest.v2.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client (the JDK's) on a v2 log stream, collecting its text frames and its close. */
public final class LogSocket implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final CompletableFuture<String> closeReason = new CompletableFuture<>();
    private final WebSocket socket;

    private LogSocket(URI uri, String secret) {
        this.socket = CLIENT.newWebSocketBuilder().header("Authorization", "Bearer " + secret)
                .buildAsync(uri, new Listener()).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Connects to {@code ws://<server><path>}, e.g. {@code /v2/deployments/dep_x/logs}. */
    public static LogSocket open(URI server, String path, String secret) {
        return new LogSocket(URI.create("ws://" + server.getHost() + ":" + server.getPort() + path), secret);
    }

    /** The next frame, waiting up to 10 s (fails the test when none comes). */
    public String next() {
        try {
            String frame = frames.poll(10, TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within 10 s");
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every frame until the server closes the stream, waiting up to {@code seconds}. */
    public List<String> untilClosed(long seconds) {
        int code = closeCode(seconds);
        List<String> rest = new ArrayList<>();
        frames.drainTo(rest);
        if (code < 0) {
            throw new AssertionError("not closed");
        }
        return rest;
    }

    public int closeCode(long seconds) {
        return closed.orTimeout(seconds, TimeUnit.SECONDS).join();
    }

    public String closeReason() {
        return closeReason.getNow(null);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason.complete(reason);
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
