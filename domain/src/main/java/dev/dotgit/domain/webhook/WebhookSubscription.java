package dev.dotgit.domain.webhook;

import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.error.InvalidInput;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An account's request to be told about events, over HTTP, at {@code url}, in the envelope of the
 * API version it was created through.
 *
 * @param disabledReason why it stopped receiving events (a 410 from the target, say), or null while active
 */
public record WebhookSubscription(WebhookId id, AccountSlug account, URI url, Set<WebhookEventType> events,
                                  WebhookApiVersion apiVersion, WebhookSecret secret, SubscriptionStatus status,
                                  String disabledReason, Instant createdAt) {

    public static final int MAX_URL_LENGTH = 2000;
    public static final String URL_RULE = "Must be an absolute http or https URL";

    public WebhookSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        events = events.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(events));
        if (events.isEmpty() || events.stream().anyMatch(type -> type.version() != apiVersion)) {
            throw new IllegalArgumentException("events must be non-empty and offered by " + apiVersion);
        }
        if ((status == SubscriptionStatus.DISABLED) != (disabledReason != null)) {
            throw new IllegalArgumentException("a disabled subscription, and only one, has a reason");
        }
    }

    /** A new, active subscription with a fresh secret; wire values are checked here, naming {@code url} and {@code events}. */
    public static WebhookSubscription create(AccountSlug account, WebhookApiVersion version, String url,
                                             Collection<String> events, Instant now) {
        List<InvalidInput.Violation> violations = new ArrayList<>();
        URI target = null;
        try {
            target = parseUrl(url);
        } catch (InvalidInput e) {
            violations.addAll(e.violations());
        }
        Set<WebhookEventType> types = null;
        try {
            types = parseEvents(version, events);
        } catch (InvalidInput e) {
            violations.addAll(e.violations());
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return new WebhookSubscription(WebhookId.generate(), account, target, types, version,
                WebhookSecret.generate(), SubscriptionStatus.ACTIVE, null, now);
    }

    /** An absolute http(s) URL with a host, as a caller wrote it. */
    public static URI parseUrl(String raw) {
        if (raw == null || raw.isBlank()) {
            throw InvalidInput.missing("url");
        }
        if (raw.length() > MAX_URL_LENGTH) {
            throw InvalidInput.outOfRange("url", raw.substring(0, 40), "Must be at most " + MAX_URL_LENGTH
                    + " characters");
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw InvalidInput.badFormat("url", raw, URL_RULE);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getHost().isEmpty() || uri.getRawUserInfo() != null) {
            throw InvalidInput.badFormat("url", raw, URL_RULE + " with a host and no user information");
        }
        if (isAmbiguousNumericHost(uri.getHost())) {
            throw InvalidInput.badFormat("url", raw, "An IP address must be written as four decimal numbers "
                    + "without leading zeros (resolvers disagree on what 0177.0.0.1 means)");
        }
        return uri;
    }

    /**
     * An all-numeric host with a part that has a leading zero: Java reads {@code 0177.0.0.1} as
     * 177.0.0.1, other resolvers as 127.0.0.1 (octal). Hex and short forms ({@code 0x7f.1},
     * {@code 127.1}) are not hosts to {@link URI} at all and are refused above.
     */
    private static boolean isAmbiguousNumericHost(String host) {
        if (!host.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.')) {
            return false;
        }
        for (String part : host.split("\\.")) {
            if (part.length() > 1 && part.charAt(0) == '0') {
                return true;
            }
        }
        return false;
    }

    /** Event types the version offers, as wire names; at least one. */
    public static Set<WebhookEventType> parseEvents(WebhookApiVersion version, Collection<String> raw) {
        if (raw == null || raw.isEmpty()) {
            throw InvalidInput.outOfRange("events", null, "Must name at least one event");
        }
        List<String> allowed = version.offeredEvents().stream().map(WebhookEventType::wireName).toList();
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        for (String name : raw) {
            WebhookEventType type = WebhookEventType.fromWire(name)
                    .filter(t -> t.version() == version)
                    .orElseThrow(() -> InvalidInput.notAllowed("events", name, allowed));
            types.add(type);
        }
        return types;
    }

    public boolean isActive() {
        return status == SubscriptionStatus.ACTIVE;
    }

    public boolean wants(WebhookEventType type) {
        return isActive() && events.contains(type);
    }

    public WebhookSubscription disable(String reason) {
        return new WebhookSubscription(id, account, url, events, apiVersion, secret, SubscriptionStatus.DISABLED,
                Objects.requireNonNull(reason), createdAt);
    }
}
