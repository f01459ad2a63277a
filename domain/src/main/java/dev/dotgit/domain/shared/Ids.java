package dev.dotgit.domain.shared;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Identifier format shared by every object: a prefix, an underscore and ten lowercase
 * base-36 characters drawn from a secure random source (about 51 bits: collisions are not a
 * practical concern, and guessing another account's ids is not either).
 */
public final class Ids {

    public static final int RANDOM_LENGTH = 10;
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern RANDOM_PART = Pattern.compile("[0-9a-z]{" + RANDOM_LENGTH + "}");

    private Ids() {
    }

    public static String newId(String prefix) {
        char[] chars = new char[RANDOM_LENGTH];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return prefix + "_" + new String(chars);
    }

    public static boolean isWellFormed(String prefix, String candidate) {
        return candidate != null
                && candidate.length() == prefix.length() + 1 + RANDOM_LENGTH
                && candidate.startsWith(prefix + "_")
                && RANDOM_PART.matcher(candidate.substring(prefix.length() + 1)).matches();
    }

    public static String requireWellFormed(String prefix, String candidate) {
        if (!isWellFormed(prefix, candidate)) {
            throw new IllegalArgumentException("not a " + prefix + "_ id: " + candidate);
        }
        return candidate;
    }
}
