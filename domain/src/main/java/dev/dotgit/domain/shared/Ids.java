package dev.dotgit.domain.shared;

import java.security.SecureRandom;

/**
 * Identifier format shared by every object: a prefix, an underscore and ten lowercase
 * base-36 characters drawn from a secure random source (about 51 bits: collisions are not a
 * practical concern, and guessing another account's ids is not either).
 */
public final class Ids {

    public static final int RANDOM_LENGTH = 10;
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /**
     * One draw from the secure source per id (every request mints a request id, and each draw
     * takes the generator's lock): 62 random bits give the ten base-36 digits (36^10 &lt; 2^52),
     * and the remainder's bias is below one part in a thousand.
     */
    public static String newId(String prefix) {
        long bits = RANDOM.nextLong() >>> 2;
        char[] chars = new char[RANDOM_LENGTH];
        for (int i = chars.length - 1; i >= 0; i--) {
            chars[i] = ALPHABET[(int) (bits % ALPHABET.length)];
            bits /= ALPHABET.length;
        }
        return prefix + "_" + new String(chars);
    }

    /** Checked on every id a request names and every row read back, so by hand rather than by regex. */
    public static boolean isWellFormed(String prefix, String candidate) {
        int start = prefix.length() + 1;
        if (candidate == null || candidate.length() != start + RANDOM_LENGTH || !candidate.startsWith(prefix)
                || candidate.charAt(prefix.length()) != '_') {
            return false;
        }
        for (int i = start; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    public static String requireWellFormed(String prefix, String candidate) {
        if (!isWellFormed(prefix, candidate)) {
            throw new IllegalArgumentException("not a " + prefix + "_ id: " + candidate);
        }
        return candidate;
    }
}
