package dev.dotgit.adapter.rest.v1.http;

import dev.dotgit.application.port.in.platform.PlatformUrls;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.MutableHttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * v1's retirement notice. When {@code dotgit.v1.sunset} is set, every v1 response says so:
 * {@code Deprecation} (RFC 9745, a structured-field date {@code @<unix seconds>}),
 * {@code Sunset} (RFC 8594, an HTTP-date) and a {@code Link} to the v3 counterpart of the
 * resource with {@code rel="successor-version"}.
 *
 * <p>Only the sunset is configured, so the deprecation date announced is the sunset too: the
 * contract names one instant, and RFC 9745 allows a deprecation date in the future.
 *
 * <p>Created at start-up, so that a malformed value stops the server with a message that
 * names the key instead of failing the first request.
 */
@Context
public final class V1Sunset {

    public static final String PROPERTY = "dotgit.v1.sunset";
    /** IMF-fixdate (RFC 9110 §5.6.7): two-digit day, English names, always GMT. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String FALLBACK = "/v3/projects";

    private final Optional<Notice> notice;
    private final PlatformUrls urls;

    private record Notice(String deprecation, String sunset) {
    }

    public V1Sunset(@Value("${" + PROPERTY + ":}") String sunset, PlatformUrls urls) {
        this.urls = urls;
        this.notice = sunset == null || sunset.isBlank() ? Optional.empty() : Optional.of(notice(sunset.strip()));
    }

    private static Notice notice(String configured) {
        Instant instant;
        try {
            instant = Instant.parse(configured);
        } catch (DateTimeParseException e) {
            throw new ConfigurationException(PROPERTY + " must be an ISO-8601 instant such as 2027-01-01T00:00:00Z");
        }
        return new Notice("@" + instant.getEpochSecond(), HTTP_DATE.format(instant));
    }

    void decorate(String requestPath, MutableHttpResponse<?> response) {
        notice.ifPresent(n -> response.header("Deprecation", n.deprecation())
                .header("Sunset", n.sunset())
                .header("Link", "<" + urls.api(successorPath(requestPath)) + ">; rel=\"successor-version\""));
    }

    /**
     * The v3 path of the same resource where v3 has one; otherwise v3's project list, the
     * entry point from which every v3 resource is reached. Path segments are echoed only when
     * they look like ids, so a hostile path cannot shape the header.
     */
    static String successorPath(String v1Path) {
        String[] segments = v1Path.replaceFirst("^/v1/?", "").split("/", -1);
        int count = segments.length;
        if (count == 0 || segments[0].isEmpty()) {
            return FALLBACK;
        }
        boolean idIsSafe = count < 2 || SAFE_SEGMENT.matcher(segments[1]).matches();
        if (!idIsSafe) {
            return FALLBACK;
        }
        if (segments[0].equals("projects")) {
            if (count == 1) {
                return "/v3/projects";
            }
            if (count == 2) {
                return "/v3/projects/" + segments[1];
            }
            if (count == 3 && segments[2].equals("deployments")) {
                return "/v3/projects/" + segments[1] + "/deployments";
            }
        } else if (segments[0].equals("deployments") && count >= 2) {
            if (count == 2) {
                return "/v3/deployments/" + segments[1];
            }
            if (count == 3 && (segments[2].equals("cancel") || segments[2].equals("logs"))) {
                return "/v3/deployments/" + segments[1] + "/" + segments[2];
            }
        }
        return FALLBACK;
    }
}
