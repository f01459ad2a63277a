package dev.dotgit.adapter.rest.v3.error;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which allowed value a caller most likely meant, for messages such as
 * "Invalid environment value: 'prod'. Use 'production' instead."
 *
 * <p>The rule, compared case-insensitively: an allowed value is <em>close</em> to the input
 * when it equals it (rank 0), when one starts with the other and the shorter has at least
 * two characters (rank 1: {@code prod} → {@code production}, {@code production1} →
 * {@code production}), or when their Levenshtein distance {@code d} is at most 2 and smaller
 * than half the allowed value's length (rank 1 + d: {@code stagng} → {@code staging}). The
 * close value of best rank is suggested; when none is close, or two tie for the best rank
 * (the input is ambiguous, e.g. {@code p}), nothing is suggested and the message lists every
 * allowed value instead.
 */
public final class ClosestValue {

    private static final int MAX_DISTANCE = 2;
    private static final int MIN_PREFIX = 2;
    private static final int MAX_COMPARED_LENGTH = 64;

    private ClosestValue() {
    }

    public static Optional<String> to(String input, List<String> allowed) {
        if (input == null || input.isEmpty() || input.length() > MAX_COMPARED_LENGTH) {
            return Optional.empty();
        }
        String wanted = input.strip().toLowerCase(Locale.ROOT);
        String best = null;
        int bestRank = Integer.MAX_VALUE;
        boolean tie = false;
        for (String candidate : allowed) {
            int rank = rank(wanted, candidate.toLowerCase(Locale.ROOT));
            if (rank < bestRank) {
                best = candidate;
                bestRank = rank;
                tie = false;
            } else if (rank == bestRank && rank != Integer.MAX_VALUE) {
                tie = true;
            }
        }
        return best == null || bestRank == Integer.MAX_VALUE || tie ? Optional.empty() : Optional.of(best);
    }

    private static int rank(String input, String candidate) {
        if (input.equals(candidate)) {
            return 0;
        }
        String shorter = input.length() <= candidate.length() ? input : candidate;
        String longer = shorter == input ? candidate : input;
        if (shorter.length() >= MIN_PREFIX && longer.startsWith(shorter)) {
            return 1;
        }
        int distance = levenshtein(input, candidate);
        return distance <= MAX_DISTANCE && distance * 2 < candidate.length() ? 1 + distance : Integer.MAX_VALUE;
    }

    static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
