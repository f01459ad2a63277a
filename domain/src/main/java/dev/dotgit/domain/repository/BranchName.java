package dev.dotgit.domain.repository;

import dev.dotgit.domain.error.InvalidInput;

/**
 * A branch name that git would accept as {@code refs/heads/<name>} (the rules of
 * git-check-ref-format): checked before anything is looked up, so a hostile name never
 * reaches the repository layer.
 */
public record BranchName(String value) {

    public static final BranchName MAIN = new BranchName("main");
    public static final int MAX_LENGTH = 255;
    public static final String RULE = "Must be a valid git branch name (1-255 characters, no spaces, '..', '~', '^', ':', '?', '*', '[' or '\\')";

    public BranchName {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a branch name: " + value);
        }
    }

    public static boolean isValid(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return false;
        }
        if (candidate.startsWith("-") || candidate.startsWith("/") || candidate.endsWith("/")
                || candidate.endsWith(".") || candidate.endsWith(".lock") || candidate.equals("@")
                || candidate.contains("..") || candidate.contains("//") || candidate.contains("@{")
                || candidate.contains("/.") || candidate.startsWith(".")) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c <= ' ' || c == 0x7f || "~^:?*[\\".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    public static BranchName parse(String field, String raw) {
        if (!isValid(raw)) {
            throw InvalidInput.badFormat(field, raw, RULE);
        }
        return new BranchName(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
