package dev.dotgit.adapter.rest.v3.http;

import dev.dotgit.adapter.rest.v3.error.RequestRejected;
import dev.dotgit.application.port.in.paging.ListPosition;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.domain.shared.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * v3's opaque pagination cursors. A cursor is base64url (no padding) of a versioned text
 * payload plus a check value:
 * <ul>
 *   <li>lists (newest first): {@code 1|<list>|<epoch second>|<nanos>|<id>} — the keyset position
 *       ({@link ListPosition}) of the last row returned, so a page costs the same at any depth
 *       and rows inserted meanwhile neither repeat nor vanish;</li>
 *   <li>logs: {@code 1|log|<deployment id>|<seq>} — the last line returned.</li>
 * </ul>
 * followed by {@code |} and the first 8 bytes of the payload's SHA-256 (hex). A cursor is
 * bound to its list (and a log cursor to its deployment): one from another list, one whose
 * check value does not match (garbled or edited by hand), or one that does not parse is
 * refused with 400 {@code invalid_cursor}. The check is not a signature: someone who rebuilds
 * a cursor by hand only gets a position they could have reached by paging, since every read
 * still applies the caller's access rules.
 */
public final class Cursors {

    /** The lists v3 pages through, with the id prefix of their rows. */
    public enum Kind {
        PROJECTS("projects", "proj"),
        DEPLOYMENTS("deployments", "dep"),
        API_KEYS("api_keys", "key"),
        WEBHOOKS("webhooks", "wh"),
        WEBHOOK_DELIVERIES("webhook_deliveries", "whd");

        private final String tag;
        private final String idPrefix;

        Kind(String tag, String idPrefix) {
            this.tag = tag;
            this.idPrefix = idPrefix;
        }
    }

    private static final String VERSION = "1";
    private static final String LOG_TAG = "log";
    private static final int MAX_LENGTH = 256;
    private static final int CHECK_BYTES = 8;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Cursors() {
    }

    /** The page a request asks for: the first one, or the one after the position its cursor names. */
    public static PageRequest pageRequest(Kind kind, String cursor, int limit) {
        return cursor == null ? PageRequest.first(limit) : PageRequest.after(decode(kind, cursor), limit);
    }

    /** The pagination of a page whose rows are positioned by {@code position}: the next cursor follows its last row. */
    public static <T> Pagination pagination(Kind kind, Page<T> page, Function<T, ListPosition> position) {
        List<T> items = page.items();
        String next = page.hasMore() && !items.isEmpty() ? encode(kind, position.apply(items.get(items.size() - 1)))
                : null;
        return Pagination.of(page.hasMore(), next);
    }

    public static String encode(Kind kind, ListPosition position) {
        return seal(String.join("|", VERSION, kind.tag, Long.toString(position.createdAt().getEpochSecond()),
                Integer.toString(position.createdAt().getNano()), position.id()));
    }

    /** The position a list cursor stands for; 400 {@code invalid_cursor} for anything this adapter did not issue. */
    public static ListPosition decode(Kind kind, String cursor) {
        String[] parts = open(cursor);
        if (parts.length != 5 || !parts[1].equals(kind.tag) || !DIGITS.matcher(parts[2]).matches()
                || !DIGITS.matcher(parts[3]).matches() || !Ids.isWellFormed(kind.idPrefix, parts[4])) {
            throw invalid();
        }
        try {
            long nanos = Long.parseLong(parts[3]);
            if (nanos > 999_999_999L) {
                throw invalid();
            }
            return new ListPosition(Instant.ofEpochSecond(Long.parseLong(parts[2]), nanos), parts[4]);
        } catch (NumberFormatException | DateTimeException e) {
            throw invalid();
        }
    }

    public static String encodeLog(String deploymentId, long seq) {
        return seal(String.join("|", VERSION, LOG_TAG, deploymentId, Long.toString(seq)));
    }

    /** The last log sequence number a log cursor of this deployment stands for. */
    public static long decodeLog(String deploymentId, String cursor) {
        String[] parts = open(cursor);
        if (parts.length != 4 || !parts[1].equals(LOG_TAG) || !parts[2].equals(deploymentId)
                || !DIGITS.matcher(parts[3]).matches()) {
            throw invalid();
        }
        try {
            return Long.parseLong(parts[3]);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static String seal(String payload) {
        return ENCODER.encodeToString((payload + "|" + check(payload)).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] open(String cursor) {
        if (cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        String text;
        try {
            text = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        int lastBar = text.lastIndexOf('|');
        if (lastBar < 0) {
            throw invalid();
        }
        String payload = text.substring(0, lastBar);
        byte[] expected = check(payload).getBytes(StandardCharsets.UTF_8);
        byte[] given = text.substring(lastBar + 1).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            throw invalid();
        }
        String[] parts = payload.split("\\|", -1);
        if (!parts[0].equals(VERSION)) {
            throw invalid();
        }
        return parts;
    }

    private static String check(String payload) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : Arrays.copyOf(digest, CHECK_BYTES)) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static RequestRejected invalid() {
        return RequestRejected.invalidCursor("cursor");
    }
}
