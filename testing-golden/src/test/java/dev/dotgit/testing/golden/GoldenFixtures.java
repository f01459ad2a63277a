package dev.dotgit.testing.golden;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a JSON payload with a golden fixture under one version's root on the classpath
 * (e.g. {@code golden/v2/}):
 * the same structure, the same values, and object fields in the same order as the fixture.
 *
 * <p>Values the server generates are written as placeholders inside fixture strings, alone
 * or within text ({@code "http://{{id:dep}}.localhost:8080"}):
 * <ul>
 *   <li>{@code {{id:<prefix>}}}: an id such as {@code dep_0123456789} ({@code <prefix>_} and ten
 *       base-36 characters);</li>
 *   <li>{@code {{timestamp}}}: UTC, whole seconds, {@code 2025-03-14T10:32:00Z};</li>
 *   <li>{@code {{unix}}}: unix seconds written as digits, {@code 1718891200};</li>
 *   <li>{@code {{sha}}}: a full 40-character commit hash;</li>
 *   <li>{@code {{url}}}: an absolute http(s) URL;</li>
 *   <li>{@code {{duration}}}: seconds with one decimal, {@code 14.2s};</li>
 *   <li>{@code {{string}}}: any text;</li>
 *   <li>{@code {{var:<name>}}}: exactly the value the test passes under that name.</li>
 * </ul>
 * A fixture value that is exactly {@code "{{integer}}"} matches any integral JSON number.
 *
 * <p>One matcher for every version's fixtures: the fixtures differ per version, the rules for
 * reading them do not. Each version module wraps it in its own small facade.
 */
public final class GoldenFixtures {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z]+)(?::([A-Za-z0-9_]+))?}}");
    private static final String INTEGER = "{{integer}}";
    private static final JsonMapper JSON = JsonMapper.createDefault();

    private final String root;

    /** @param root the classpath folder holding the fixtures, ending in {@code /} */
    public GoldenFixtures(String root) {
        if (!root.endsWith("/")) {
            throw new IllegalArgumentException("a fixture root ends in '/': " + root);
        }
        this.root = root;
    }

    /** The text of a fixture, e.g. {@code fixture("projects/create.request.json")}, to send as a request body. */
    public String fixture(String name) {
        try (InputStream in = GoldenFixtures.class.getClassLoader().getResourceAsStream(root + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden fixture " + root + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A request fixture to send, with its {@code {{var:<name>}}} placeholders replaced by the
     * given values (ids the server generated for the objects the request refers to).
     */
    public String request(String name, Map<String, String> variables) {
        String text = fixture(name);
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            text = text.replace("{{var:" + variable.getKey() + "}}", variable.getValue());
        }
        if (PLACEHOLDER.matcher(text).find()) {
            throw new IllegalArgumentException(name + " still has placeholders after substitution: " + text);
        }
        return text;
    }

    /** Asserts that {@code actualJson} matches the fixture {@code name}. */
    public void assertMatches(String name, String actualJson) {
        assertMatches(name, actualJson, Map.of());
    }

    /** As {@link #assertMatches(String, String)}, with values for the fixture's {@code {{var:<name>}}} placeholders. */
    public void assertMatches(String name, String actualJson, Map<String, String> variables) {
        assertMatchesJson(fixture(name), actualJson, variables, name);
    }

    /** Compares against expected JSON given inline rather than as a fixture file. */
    public static void assertMatchesJson(String expectedJson, String actualJson, Map<String, String> variables,
                                         String description) {
        List<String> mismatches = new ArrayList<>();
        compare(parse(expectedJson, description), parse(actualJson, "the actual payload"), "$", variables,
                mismatches);
        if (!mismatches.isEmpty()) {
            throw new AssertionError("JSON does not match " + description + ":\n  " + String.join("\n  ", mismatches)
                    + "\nactual: " + actualJson);
        }
    }

    private static JsonNode parse(String json, String what) {
        try {
            return JSON.readValue(json, Argument.of(JsonNode.class));
        } catch (IOException e) {
            throw new AssertionError(what + " is not JSON: " + json, e);
        }
    }

    private static void compare(JsonNode expected, JsonNode actual, String path, Map<String, String> variables,
                                List<String> mismatches) {
        if (expected.isString() && expected.getStringValue().equals(INTEGER)) {
            if (!actual.isNumber() || !isIntegral(actual)) {
                mismatches.add(path + ": expected an integer but was " + describe(actual));
            }
        } else if (expected.isString()) {
            compareString(expected.getStringValue(), actual, path, variables, mismatches);
        } else if (expected.isObject()) {
            compareObject(expected, actual, path, variables, mismatches);
        } else if (expected.isArray()) {
            compareArray(expected, actual, path, variables, mismatches);
        } else if (expected.isNumber()) {
            if (!actual.isNumber() || toDecimal(actual).compareTo(toDecimal(expected)) != 0) {
                mismatches.add(path + ": expected " + expected.getNumberValue() + " but was " + describe(actual));
            }
        } else if (expected.isBoolean()) {
            if (!actual.isBoolean() || actual.getBooleanValue() != expected.getBooleanValue()) {
                mismatches.add(path + ": expected " + expected.getBooleanValue() + " but was " + describe(actual));
            }
        } else if (!actual.isNull()) {
            mismatches.add(path + ": expected null but was " + describe(actual));
        }
    }

    private static void compareObject(JsonNode expected, JsonNode actual, String path, Map<String, String> variables,
                                      List<String> mismatches) {
        if (!actual.isObject()) {
            mismatches.add(path + ": expected an object but was " + describe(actual));
            return;
        }
        List<String> expectedFields = fieldNames(expected);
        List<String> actualFields = fieldNames(actual);
        if (!expectedFields.equals(actualFields)) {
            mismatches.add(path + ": expected the fields " + expectedFields + " in this order but got " + actualFields);
        }
        for (String field : expectedFields) {
            JsonNode actualValue = actual.get(field);
            if (actualValue != null) {
                compare(expected.get(field), actualValue, path + "." + field, variables, mismatches);
            }
        }
    }

    private static void compareArray(JsonNode expected, JsonNode actual, String path, Map<String, String> variables,
                                     List<String> mismatches) {
        if (!actual.isArray()) {
            mismatches.add(path + ": expected an array but was " + describe(actual));
            return;
        }
        if (expected.size() != actual.size()) {
            mismatches.add(path + ": expected " + expected.size() + " elements but got " + actual.size());
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            compare(expected.get(i), actual.get(i), path + "[" + i + "]", variables, mismatches);
        }
    }

    private static void compareString(String template, JsonNode actual, String path, Map<String, String> variables,
                                      List<String> mismatches) {
        if (!actual.isString()) {
            mismatches.add(path + ": expected a string matching \"" + template + "\" but was " + describe(actual));
            return;
        }
        Pattern pattern = toPattern(template, variables, path);
        if (!pattern.matcher(actual.getStringValue()).matches()) {
            mismatches.add(path + ": expected \"" + template + "\" but was \"" + actual.getStringValue() + "\"");
        }
    }

    /** The fixture string as a regular expression: literal text quoted, placeholders replaced by their shapes. */
    static Pattern toPattern(String template, Map<String, String> variables, String path) {
        StringBuilder regex = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(template);
        int literalStart = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(template.substring(literalStart, placeholder.start())));
            regex.append(shape(placeholder.group(1), placeholder.group(2), variables, path));
            literalStart = placeholder.end();
        }
        regex.append(Pattern.quote(template.substring(literalStart)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static String shape(String kind, String argument, Map<String, String> variables, String path) {
        return switch (kind) {
            case "id" -> Pattern.quote(argument + "_") + "[0-9a-z]{10}";
            case "timestamp" -> "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z";
            case "unix" -> "[0-9]{9,11}";
            case "sha" -> "[0-9a-f]{40}";
            case "url" -> "https?://[^\\s\"]+";
            case "duration" -> "[0-9]+\\.[0-9]s";
            case "string" -> ".*";
            case "var" -> {
                String value = variables.get(argument);
                if (value == null) {
                    throw new IllegalArgumentException(path + ": the test gave no value for {{var:" + argument + "}}");
                }
                yield Pattern.quote(value);
            }
            default -> throw new IllegalArgumentException(path + ": unknown placeholder {{" + kind + "}}");
        };
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : object.entries()) {
            names.add(entry.getKey());
        }
        return names;
    }

    private static boolean isIntegral(JsonNode number) {
        BigDecimal value = toDecimal(number);
        return value.signum() == 0 || value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0;
    }

    private static BigDecimal toDecimal(JsonNode number) {
        return new BigDecimal(number.getNumberValue().toString());
    }

    private static String describe(JsonNode node) {
        if (node.isString()) {
            return "\"" + node.getStringValue() + "\"";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        return String.valueOf(node.getValue());
    }
}
