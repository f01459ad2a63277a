package dev.dotgit.domain.error;

/**
 * Echoing caller input into messages is useful but must not let a caller make the server
 * emit control characters or megabytes of text: values are cut and stripped here.
 */
final class Sanitized {

    static final int MAX_ECHO = 100;

    private Sanitized() {
    }

    static String value(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_ECHO));
        for (int i = 0; i < raw.length() && out.length() < MAX_ECHO; i++) {
            char c = raw.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (raw.length() > MAX_ECHO) {
            out.append("...");
        }
        return out.toString();
    }
}
