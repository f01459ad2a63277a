package dev.dotgit.adapter.rest.v2.http;

import dev.dotgit.adapter.rest.v2.error.V2RequestRejected;
import dev.dotgit.application.port.in.paging.ListPosition;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * v2's opaque list cursors. A cursor is the keyset position of the last row of a page
 * ({@link ListPosition}: creation time and id, the order of every newest-first list), so the
 * next page starts right after that row whatever was inserted meanwhile, and costs the same
 * at any depth.
 *
 * <p>Wire form: base64url (no padding) of {@code "1|<list>|<createdAt ISO>|<id>"} followed by
 * the first 12 bytes of its HMAC-SHA256. The version lets the format change later; the list
 * name keeps a cursor of one list from being replayed on another; the MAC detects any
 * garbled, edited or made-up cursor (400 {@code invalid_cursor}). The MAC key is fixed, not a
 * secret: the check is about integrity, and a cursor reveals nothing the caller has not seen
 * (the time and id of a row it was shown); the use cases still scope every page to the caller.
 */
public final class Cursors {

    private static final String VERSION = "1";
    private static final int MAC_LENGTH = 12;
    private static final int MAX_CURSOR_LENGTH = 512;
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final byte[] KEY = "dotgit/v2/list-cursor".getBytes(StandardCharsets.US_ASCII);

    private Cursors() {
    }

    /** The page a request asks for: the first one, or the one after the position its cursor names. */
    public static PageRequest pageRequest(String list, String cursor, int limit) {
        return cursor == null ? PageRequest.first(limit) : PageRequest.after(decode(list, cursor), limit);
    }

    /** The pagination object of a page whose rows are positioned by {@code position}. */
    public static <T> Pagination pagination(String list, Page<T> page, Function<T, ListPosition> position) {
        List<T> items = page.items();
        if (!page.hasMore() || items.isEmpty()) {
            return new Pagination(null, false);
        }
        return new Pagination(encode(list, position.apply(items.get(items.size() - 1))), true);
    }

    static String encode(String list, ListPosition position) {
        byte[] payload = String.join("|", VERSION, list, position.createdAt().toString(), position.id())
                .getBytes(StandardCharsets.UTF_8);
        byte[] token = Arrays.copyOf(payload, payload.length + MAC_LENGTH);
        System.arraycopy(mac(payload), 0, token, payload.length, MAC_LENGTH);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    static ListPosition decode(String list, String cursor) {
        if (cursor.isEmpty() || cursor.length() > MAX_CURSOR_LENGTH) {
            throw V2RequestRejected.invalidCursor();
        }
        byte[] token;
        try {
            token = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException notBase64) {
            throw V2RequestRejected.invalidCursor();
        }
        if (token.length <= MAC_LENGTH) {
            throw V2RequestRejected.invalidCursor();
        }
        byte[] payload = Arrays.copyOf(token, token.length - MAC_LENGTH);
        byte[] sent = Arrays.copyOfRange(token, payload.length, token.length);
        if (!MessageDigest.isEqual(sent, Arrays.copyOf(mac(payload), MAC_LENGTH))) {
            throw V2RequestRejected.invalidCursor();
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
        if (parts.length != 4 || !parts[0].equals(VERSION) || !parts[1].equals(list)
                || !SAFE_ID.matcher(parts[3]).matches()) {
            throw V2RequestRejected.invalidCursor();
        }
        try {
            return new ListPosition(Instant.parse(parts[2]), parts[3]);
        } catch (DateTimeException unreadable) {
            throw V2RequestRejected.invalidCursor();
        }
    }

    private static byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
