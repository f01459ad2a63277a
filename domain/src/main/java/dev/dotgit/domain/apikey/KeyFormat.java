package dev.dotgit.domain.apikey;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.zip.CRC32;

/**
 * The shape of every key the platform issues: a prefix, 30 random base-62 characters and a
 * 6-character checksum (CRC-32 of the 30 characters, in base 62 with digits {@code 0-9A-Za-z},
 * left-padded with {@code 0}). The checksum lets a secret scanner, or the server before any
 * lookup, reject a mistyped or invented key.
 */
public final class KeyFormat {

    static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final int RANDOM_LENGTH = 30;
    static final int CHECKSUM_LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFormat() {
    }

    public static String generate(String prefix) {
        StringBuilder random = new StringBuilder(RANDOM_LENGTH);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            random.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        return prefix + random + checksum(random.toString());
    }

    public static boolean isWellFormed(String prefix, String candidate) {
        if (candidate == null || candidate.length() != prefix.length() + RANDOM_LENGTH + CHECKSUM_LENGTH
                || !candidate.startsWith(prefix)) {
            return false;
        }
        String body = candidate.substring(prefix.length());
        for (int i = 0; i < body.length(); i++) {
            if (BASE62.indexOf(body.charAt(i)) < 0) {
                return false;
            }
        }
        String random = body.substring(0, RANDOM_LENGTH);
        return checksum(random).equals(body.substring(RANDOM_LENGTH));
    }

    /** CRC-32 (IEEE) of the ASCII characters, in base 62, left-padded with '0' to six characters. */
    public static String checksum(String randomPart) {
        CRC32 crc = new CRC32();
        crc.update(randomPart.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] digits = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(digits);
    }
}
