package dev.dotgit.adapter.webhooks;

/**
 * Writes the few fixed JSON shapes of the envelopes, field by field in the documented order, so the
 * bytes that are signed are exactly the bytes that are sent (and golden tests can pin them).
 */
final class Json {

    private final StringBuilder out = new StringBuilder(512);
    private boolean first = true;

    Json begin() {
        out.append('{');
        first = true;
        return this;
    }

    Json end() {
        out.append('}');
        first = false;
        return this;
    }

    Json name(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        string(name);
        out.append(':');
        return this;
    }

    Json field(String name, String value) {
        name(name);
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        return this;
    }

    Json field(String name, Long value) {
        name(name).out.append(value == null ? "null" : value.toString());
        return this;
    }

    Json field(String name, boolean value) {
        name(name).out.append(value);
        return this;
    }

    /** Starts an object as the value of {@code name}. */
    Json object(String name) {
        name(name);
        return begin();
    }

    private void string(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
