package dev.dotgit.adapter.webhooks;

import dev.dotgit.application.port.out.webhook.OutgoingWebhook;
import dev.dotgit.application.port.out.webhook.SendOutcome;
import dev.dotgit.application.port.out.webhook.SendWebhookPort;
import dev.dotgit.domain.webhook.WebhookApiVersion;
import dev.dotgit.domain.webhook.WebhookSubscription;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one attempt with the JDK's HTTP client: the version's envelope, its signature headers,
 * connect and read timeouts, and redirects never followed (a 3xx is a failed attempt).
 *
 * <p><b>DNS rebinding.</b> The application resolved the target's host once, checked every
 * address, and hands over the one to use ({@link OutgoingWebhook#connectTo()}). For {@code http}
 * targets this sender connects to exactly that address (the request URI carries the address
 * literal, and the {@code Host} header carries the host as written), so no second lookup happens
 * between check and connect. For {@code https} targets the name must stay in the URI for SNI and
 * certificate verification, so the client resolves it again; a rebinding answer then leads to a
 * TLS handshake with a server that cannot present a certificate for the attacker's name, which
 * fails before any byte of the request is sent (and the JVM's positive DNS cache, 30 s by default,
 * normally returns the very answer the check saw).
 *
 * <p>Setting {@code Host} is a restricted header of {@code java.net.http}; this class enables it
 * ({@code jdk.httpclient.allowRestrictedHeaders=host}) before the client is first used. Should the
 * JDK client already have been initialised without it, {@code http} requests still go to the
 * checked address, with that address as {@code Host}.
 */
@Singleton
public class HttpWebhookSender implements SendWebhookPort {

    private static final Logger LOG = LoggerFactory.getLogger(HttpWebhookSender.class);
    private static final String RESTRICTED_HEADERS = "jdk.httpclient.allowRestrictedHeaders";
    private static final long LONGEST_RETRY_AFTER_SECONDS = TimeUnit.DAYS.toSeconds(30);
    private static final String USER_AGENT = "dotgit-webhooks/1";

    static {
        String allowed = System.getProperty(RESTRICTED_HEADERS);
        if (allowed == null || allowed.isBlank()) {
            System.setProperty(RESTRICTED_HEADERS, "host");
        } else if (!allowed.toLowerCase(Locale.ROOT).contains("host")) {
            System.setProperty(RESTRICTED_HEADERS, allowed + ",host");
        }
    }

    private final HttpClient client;
    private final Duration readTimeout;
    private volatile boolean hostHeaderRefused;

    public HttpWebhookSender(WebhooksConfiguration configuration) {
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(configuration.getConnectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.readTimeout = configuration.getReadTimeout();
    }

    @Override
    public SendOutcome send(OutgoingWebhook webhook) {
        WebhookSubscription subscription = webhook.subscription();
        String body = Envelopes.render(subscription.apiVersion(), webhook.event());
        HttpRequest request;
        try {
            request = request(webhook, body);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return new SendOutcome(null, "Invalid target URL: " + e.getMessage(), 0, Optional.empty());
        }
        long started = System.nanoTime();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            long latency = millisSince(started);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new SendOutcome(status, null, latency, Optional.empty());
            }
            String error = status >= 300 && status < 400
                    ? "HTTP " + status + ": redirect to " + response.headers().firstValue("Location").orElse("nowhere")
                    + " not followed"
                    : "HTTP " + status;
            return new SendOutcome(status, error, latency, retryAfter(response.headers(), Instant.now()));
        } catch (HttpConnectTimeoutException e) {
            return failure(started, "Connection timed out");
        } catch (HttpTimeoutException e) {
            return failure(started, "No response within " + readTimeout.toMillis() + " ms");
        } catch (ConnectException e) {
            return failure(started, "Connection failed");
        } catch (IOException e) {
            return failure(started, "Request failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(started, "Interrupted while sending (the node is shutting down)");
        }
    }

    private HttpRequest request(OutgoingWebhook webhook, String body) throws URISyntaxException {
        WebhookSubscription subscription = webhook.subscription();
        URI target = subscription.url();
        URI connectTo = target;
        String hostHeader = null;
        if ("http".equalsIgnoreCase(target.getScheme())) {
            connectTo = new URI(target.getScheme(), null, literal(webhook.connectTo()), target.getPort(),
                    target.getPath(), target.getQuery(), null);
            hostHeader = target.getRawAuthority();
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(connectTo)
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (hostHeader != null && !hostHeaderRefused) {
            try {
                builder.header("Host", hostHeader);
            } catch (IllegalArgumentException restricted) {
                hostHeaderRefused = true;
                LOG.warn("The JDK HTTP client was initialised before {}=host could be set; http webhooks are sent "
                        + "to the checked address with that address as Host", RESTRICTED_HEADERS);
            }
        }
        long timestamp = webhook.sentAt().getEpochSecond();
        String eventId = webhook.event().id().value();
        if (subscription.apiVersion() == WebhookApiVersion.V3) {
            builder.header("webhook-id", eventId)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", Signatures.v3(subscription.secret(), eventId, timestamp, body));
        } else {
            String signature = Signatures.v2(subscription.secret(), body);
            builder.header("X-Signature-256", signature)
                    .header("X-Git-Signature", signature)
                    .header("X-Git-Event", webhook.event().type().wireName())
                    .header("X-Git-Delivery", eventId);
        }
        return builder.build();
    }

    /** The address as a URI host: IPv6 in brackets, without a zone. */
    private static String literal(InetAddress address) {
        String text = address.getHostAddress();
        if (address instanceof Inet6Address) {
            int zone = text.indexOf('%');
            return "[" + (zone < 0 ? text : text.substring(0, zone)) + "]";
        }
        return text;
    }

    /** {@code Retry-After} as seconds or an HTTP date, as a wait from {@code now}; absent or past → empty. */
    static Optional<Duration> retryAfter(HttpHeaders headers, Instant now) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::trim);
        if (value.isEmpty() || value.get().isEmpty()) {
            return Optional.empty();
        }
        String text = value.get();
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Math.min(Long.parseLong(text), LONGEST_RETRY_AFTER_SECONDS)));
            } catch (NumberFormatException tooLong) {
                return Optional.of(Duration.ofSeconds(LONGEST_RETRY_AFTER_SECONDS));
            }
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return wait.isNegative() || wait.isZero() ? Optional.empty()
                    : Optional.of(wait.compareTo(Duration.ofSeconds(LONGEST_RETRY_AFTER_SECONDS)) > 0
                            ? Duration.ofSeconds(LONGEST_RETRY_AFTER_SECONDS) : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static SendOutcome failure(long started, String error) {
        return new SendOutcome(null, error, millisSince(started), Optional.empty());
    }

    private static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
