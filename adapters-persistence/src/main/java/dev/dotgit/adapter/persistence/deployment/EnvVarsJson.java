package dev.dotgit.adapter.persistence.deployment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deployment's variables as one JSON object of strings, e.g. {@code {"NODE_ENV":"production"}}.
 * Written by hand because the shape is flat and fixed, and this module has no JSON library.
 *
 * <p>Only what JSON requires is escaped (quote, backslash, control characters), so the text
 * is never longer than the request that carried the values. The one addition: a lone UTF-16
 * surrogate (a Java string may hold one, valid UTF-8 cannot) is written as a {@code \\uXXXX}
 * escape, so it survives a database that stores UTF-8.
 */
final class EnvVarsJson {

    private EnvVarsJson() {
    }

    /** @return the JSON text, or null for no variables (the column stays empty) */
    static String encode(Map<String, String> values) {
        if (values.isEmpty()) {
            return null;
        }
        StringBuilder json = new StringBuilder(values.size() * 32);
        json.append('{');
        boolean first = true;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            appendString(json, entry.getKey());
            json.append(':');
            appendString(json, entry.getValue());
        }
        return json.append('}').toString();
    }

    /** @throws IllegalStateException if the stored text is not a JSON object of strings */
    static Map<String, String> decode(String json) {
        Map<String, String> values = new LinkedHashMap<>();
        if (json == null) {
            return values;
        }
        Reader reader = new Reader(json);
        reader.skipWhitespace();
        reader.expect('{');
        reader.skipWhitespace();
        if (reader.peek() == '}') {
            reader.next();
        } else {
            while (true) {
                reader.skipWhitespace();
                String name = reader.string();
                reader.skipWhitespace();
                reader.expect(':');
                reader.skipWhitespace();
                values.put(name, reader.string());
                reader.skipWhitespace();
                char separator = reader.next();
                if (separator == '}') {
                    break;
                }
                if (separator != ',') {
                    throw reader.broken("',' or '}' expected");
                }
            }
        }
        reader.skipWhitespace();
        if (!reader.atEnd()) {
            throw reader.broken("text after the object");
        }
        return values;
    }

    private static void appendString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20) {
                        appendEscape(json, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        json.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        appendEscape(json, c);
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    private static void appendEscape(StringBuilder json, char c) {
        json.append("\\u");
        String hex = Integer.toHexString(c);
        json.append("0".repeat(4 - hex.length())).append(hex);
    }

    private static final class Reader {

        private final String text;
        private int position;

        Reader(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return position >= text.length();
        }

        char peek() {
            if (atEnd()) {
                throw broken("unexpected end");
            }
            return text.charAt(position);
        }

        char next() {
            char c = peek();
            position++;
            return c;
        }

        void expect(char expected) {
            if (next() != expected) {
                throw broken("'" + expected + "' expected");
            }
        }

        void skipWhitespace() {
            while (!atEnd() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
                position++;
            }
        }

        String string() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\') {
                    value.append(escaped(next()));
                } else if (c < 0x20) {
                    throw broken("control character in a string");
                } else {
                    value.append(c);
                }
            }
        }

        private char escaped(char code) {
            return switch (code) {
                case '"' -> '"';
                case '\\' -> '\\';
                case '/' -> '/';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'u' -> unicodeEscape();
                default -> throw broken("unknown escape \\" + code);
            };
        }

        private char unicodeEscape() {
            int code = 0;
            for (int i = 0; i < 4; i++) {
                char c = next();
                int digit = c < 0x80 ? Character.digit(c, 16) : -1;
                if (digit < 0) {
                    throw broken("bad \\u escape");
                }
                code = code * 16 + digit;
            }
            return (char) code;
        }

        IllegalStateException broken(String problem) {
            return new IllegalStateException("stored env vars are not a JSON object of strings: " + problem
                    + " at offset " + position);
        }
    }
}
