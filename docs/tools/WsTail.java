import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Prints every text frame of a WebSocket until the server closes it: enough to follow v2's
 * live deployment log from a shell without installing a WebSocket client.
 *
 * <p>Usage (Java 17 runs a single source file): {@code java docs/tools/WsTail.java <ws-url> <api-key>}
 */
public final class WsTail {

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java docs/tools/WsTail.java ws://localhost:8080/v2/deployments/<id>/logs <api-key>");
            System.exit(2);
        }
        CompletableFuture<Void> closed = new CompletableFuture<>();
        HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + args[1])
                .buildAsync(URI.create(args[0]), new WebSocket.Listener() {
                    private final StringBuilder frame = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        frame.append(data);
                        if (last) {
                            System.out.println(frame);
                            frame.setLength(0);
                        }
                        socket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
                        System.err.println("closed: " + status + (reason.isEmpty() ? "" : " " + reason));
                        closed.complete(null);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket socket, Throwable error) {
                        closed.completeExceptionally(error);
                    }
                }).join();
        closed.join();
    }
}
