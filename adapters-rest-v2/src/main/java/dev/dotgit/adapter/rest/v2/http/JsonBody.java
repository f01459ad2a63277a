package dev.dotgit.adapter.rest.v2.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.dotgit.adapter.rest.v2.error.V2RequestRejected;
import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.error.InvalidInput.Problem;
import dev.dotgit.domain.error.InvalidInput.Violation;
import dev.dotgit.domain.error.MalformedJson;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.jackson.core.tree.JsonNodeTreeCodec;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A v2 request body, read as raw JSON: not one JSON object is 400 {@code invalid_json}; a
 * required field absent or null, a value of the wrong JSON type or one that breaks its rule
 * is 400 {@code validation_failed} naming the field. Fields the route does not know are
 * ignored, as v2 promises. Read fields in the order the route documents them: the first
 * violation in that order is the one reported.
 */
public final class JsonBody {

    /** Jackson's default read constraints (nesting depth, number length) apply. */
    private static final JsonFactory PARSERS = new JsonFactory();

    private final JsonNode object;
    private final List<Violation> violations = new ArrayList<>();

    private JsonBody(JsonNode object) {
        this.object = object;
    }

    /** Parses a body that must be one JSON object sent as {@code application/json}. */
    public static JsonBody parse(HttpRequest<?> request, byte[] raw) {
        boolean empty = raw == null || raw.length == 0;
        boolean declaredJson = request.getContentType().map(JsonBody::isJson).orElse(false);
        if (!declaredJson && (!empty || request.getContentType().isPresent())) {
            throw V2RequestRejected.unsupportedMediaType();
        }
        if (empty) {
            throw new MalformedJson();
        }
        return new JsonBody(readObject(raw));
    }

    private static JsonNode readObject(byte[] raw) {
        JsonNode tree;
        boolean nothingAfter;
        try (JsonParser parser = PARSERS.createParser(raw)) {
            tree = JsonNodeTreeCodec.getInstance().readTree(parser);
            nothingAfter = parser.nextToken() == null;
        } catch (IOException | RuntimeException unreadable) {
            throw new MalformedJson();
        }
        if (tree == null || !tree.isObject() || !nothingAfter) {
            throw new MalformedJson();
        }
        return tree;
    }

    private static boolean isJson(MediaType type) {
        return MediaType.APPLICATION_JSON.equalsIgnoreCase(type.getName());
    }

    /** Whether the field is present with a non-null value. */
    public boolean has(String field) {
        JsonNode value = object.get(field);
        return value != null && !value.isNull();
    }

    /** The raw value of a field, or null when absent or null (for fields of more than one JSON type). */
    public JsonNode node(String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value;
    }

    /** A string that must be present; absent and null are both "missing". */
    public String requiredString(String field) {
        if (!has(field)) {
            missing(field);
            return null;
        }
        return string(field, object.get(field));
    }

    /** A string that may be left out; null means left out. */
    public String optionalString(String field) {
        return has(field) ? string(field, object.get(field)) : null;
    }

    /**
     * An array of strings that must be present (it may be empty: whether that is allowed is the
     * use case's rule). Any other JSON type, or an element that is not a string, is a wrong type
     * naming the array itself, since that is the field the caller wrote.
     */
    public List<String> requiredStringList(String field) {
        if (!has(field)) {
            missing(field);
            return null;
        }
        JsonNode value = object.get(field);
        if (!value.isArray()) {
            wrongType(field, "Must be an array of strings");
            return null;
        }
        List<String> strings = new ArrayList<>(value.size());
        for (JsonNode element : value.values()) {
            if (!element.isString()) {
                wrongType(field, "Must be an array of strings");
                return null;
            }
            strings.add(element.getStringValue());
        }
        return strings;
    }

    /** A boolean that may be left out; null means left out. */
    public Boolean optionalBoolean(String field) {
        if (!has(field)) {
            return null;
        }
        JsonNode value = object.get(field);
        if (!value.isBoolean()) {
            wrongType(field, "Must be a boolean");
            return null;
        }
        return value.getBooleanValue();
    }

    /** An object whose members are all strings (env vars); null means left out. Values are never echoed. */
    public Map<String, String> stringMap(String field, JsonNode value) {
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            wrongType(field, "Must be an object of string values");
            return null;
        }
        Map<String, String> entries = new LinkedHashMap<>();
        boolean allStrings = true;
        for (Map.Entry<String, JsonNode> entry : value.entries()) {
            if (entry.getValue().isString()) {
                entries.put(entry.getKey(), entry.getValue().getStringValue());
            } else {
                wrongType(field + "." + entry.getKey(), "Must be a string");
                allStrings = false;
            }
        }
        return allStrings ? entries : null;
    }

    /** Records a missing field. */
    public void missing(String field) {
        violations.add(new Violation(field, Problem.MISSING, null, null, "This field is required"));
    }

    /** Records a field whose JSON type is wrong. */
    public void wrongType(String field, String rule) {
        violations.add(new Violation(field, Problem.WRONG_TYPE, null, null, rule));
    }

    /** Records any other violation (e.g. two fields that exclude each other). */
    public void reject(Violation violation) {
        violations.add(violation);
    }

    /** Runs the parsing of a value of the right JSON type, recording its violations and returning null in their place. */
    public <T> T check(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInput e) {
            violations.addAll(e.violations());
            return null;
        }
    }

    /** Fails with every violation recorded so far (the first in field order is reported), else does nothing. */
    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }

    private String string(String field, JsonNode value) {
        if (!value.isString()) {
            wrongType(field, "Must be a string");
            return null;
        }
        return value.getStringValue();
    }
}
