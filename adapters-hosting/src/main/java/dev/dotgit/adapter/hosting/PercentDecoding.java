package dev.dotgit.adapter.hosting;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes the percent-escapes of a URL path (RFC 3986). Unlike {@code URLDecoder}, a '+'
 * stays a '+' (that rule belongs to form data, not paths). Malformed escapes and byte
 * sequences that are not UTF-8 make the path unusable: empty, answered with 404.
 */
final class PercentDecoding {

    private PercentDecoding() {
    }

    static Optional<String> decodePath(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.of("/");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c > 0x7f) {
                int codePoint = raw.codePointAt(i);
                byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(codePoint) - 1;
            } else {
                bytes.write(c);
            }
        }
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
            return decoded.startsWith("/") ? Optional.of(decoded) : Optional.of("/" + decoded);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
