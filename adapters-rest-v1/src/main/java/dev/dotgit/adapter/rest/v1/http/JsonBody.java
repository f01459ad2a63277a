package dev.dotgit.adapter.rest.v1.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.dotgit.adapter.rest.v1.error.RequestRejected;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A v1 request body, read as raw JSON so that the adapter itself tells apart the three
 * outcomes of CONTRACT C3: not JSON at all (400 {@code invalid_json}), a required field
 * absent or null (400 {@code missing_field}), and a present value that breaks its rule (422,
 * every violation at once). Fields the route does not know are ignored, as v1 promises.
 *
 * <p>Read fields in the order the route documents them: missing fields are reported in that
 * order.
 */
public final class JsonBody {

    /** Jackson's default read constraints (nesting depth, number length) apply. */
    private static final JsonFactory PARSERS = new JsonFactory();

    private final JsonNode object;
    private final List<Violation> missing = new ArrayList<>();
    private final List<Violation> invalid = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();

    private JsonBody(JsonNode object) {
        this.object = object;
    }

    /**
     * Parses a body that must be one JSON object sent as {@code application/json}. Anything the
     * JSON parser refuses (syntax, nesting beyond its depth limit, numbers beyond its length
     * limit), any other JSON value, and anything after the object is {@code invalid_json}.
     */
    public static JsonBody parse(HttpRequest<?> request, byte[] raw) {
        boolean empty = raw == null || raw.length == 0;
        boolean declaredJson = request.getContentType().map(JsonBody::isJson).orElse(false);
        if (!declaredJson && (!empty || request.getContentType().isPresent())) {
            throw RequestRejected.unsupportedMediaType();
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

    /** A string that must be present; absent and null are both "missing". */
    public String requiredString(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            missing.add(new Violation(field, Problem.MISSING, null, null, "This field is required"));
            reported.add(field);
            return null;
        }
        return string(field, value);
    }

    /** A string that may be left out; null means left out. */
    public String optionalString(String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : string(field, value);
    }

    /** An object whose members are all strings (env vars); null means left out. Values are never echoed. */
    public Map<String, String> optionalStringMap(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            reject(field, "Must be an object of string values");
            return null;
        }
        Map<String, String> entries = new LinkedHashMap<>();
        boolean allStrings = true;
        for (Map.Entry<String, JsonNode> entry : value.entries()) {
            if (entry.getValue().isString()) {
                entries.put(entry.getKey(), entry.getValue().getStringValue());
            } else {
                reject(field + "." + entry.getKey(), "Must be a string");
                allStrings = false;
            }
        }
        return allStrings ? entries : null;
    }

    /**
     * Runs the parsing of values that have the right JSON type, recording its violations and
     * returning null in their place. A field already reported (mistyped, so passed on as
     * absent) is not reported a second time as missing.
     */
    public <T> T check(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInput e) {
            for (Violation violation : e.violations()) {
                if (violation.problem() == Problem.MISSING) {
                    if (!reported.contains(violation.field())) {
                        missing.add(violation);
                    }
                } else {
                    invalid.add(violation);
                }
            }
            return null;
        }
    }

    /** Fails with every missing field if any is missing, else with every invalid value, else does nothing. */
    public void throwIfInvalid() {
        if (!missing.isEmpty()) {
            throw new InvalidInput(missing);
        }
        if (!invalid.isEmpty()) {
            throw new InvalidInput(invalid);
        }
    }

    private String string(String field, JsonNode value) {
        if (!value.isString()) {
            reject(field, "Must be a string");
            return null;
        }
        return value.getStringValue();
    }

    private void reject(String field, String message) {
        invalid.add(new Violation(field, Problem.WRONG_TYPE, null, null, message));
        reported.add(field);
    }
}
