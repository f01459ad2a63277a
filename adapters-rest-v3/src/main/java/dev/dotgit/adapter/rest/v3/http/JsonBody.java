package dev.dotgit.adapter.rest.v3.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.dotgit.adapter.rest.v3.error.RequestRejected;
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
 * A v3 request body, read as raw JSON so that v3's stricter validation (CONTRACT §5) names
 * the field of every problem: not one JSON object → 400 {@code invalid_json}; a field the route
 * does not know, a required field absent, a value of the wrong JSON type or outside its rule →
 * 400 {@code validation_failed}, every violation at once, the first in the message.
 *
 * <p>An empty body is read as {@code {}} (every v3 body field but a project's name is
 * optional), and {@code null} counts as "left out". Read fields in the order the route
 * documents them: violations are reported in that order, after unknown fields.
 */
public final class JsonBody {

    private static final JsonFactory PARSERS = new JsonFactory();

    private final JsonNode object;
    private final List<Violation> violations = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();

    private JsonBody(JsonNode object) {
        this.object = object;
    }

    /**
     * Parses a body that must be one JSON object sent as {@code application/json}, and refuses
     * every member not in {@code knownFields}.
     */
    public static JsonBody parse(HttpRequest<?> request, byte[] raw, List<String> knownFields) {
        boolean empty = raw == null || raw.length == 0;
        boolean declaredJson = request.getContentType().map(JsonBody::isJson).orElse(false);
        if (!empty && !declaredJson) {
            throw RequestRejected.unsupportedMediaType();
        }
        JsonBody body = new JsonBody(empty ? null : readObject(raw));
        body.refuseUnknown(knownFields);
        return body;
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

    private void refuseUnknown(List<String> knownFields) {
        if (object == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : object.entries()) {
            if (!knownFields.contains(entry.getKey())) {
                add(new Violation(entry.getKey(), Problem.UNKNOWN_FIELD, null, knownFields, "Unknown field"));
            }
        }
    }

    private JsonNode value(String field) {
        JsonNode value = object == null ? null : object.get(field);
        return value == null || value.isNull() ? null : value;
    }

    /** A string that must be present; absent and null are both "missing". */
    public String requiredString(String field) {
        JsonNode value = value(field);
        if (value == null) {
            add(new Violation(field, Problem.MISSING, null, null, "This field is required"));
            return null;
        }
        return string(field, value);
    }

    /** A string that may be left out; null means left out. */
    public String optionalString(String field) {
        JsonNode value = value(field);
        return value == null ? null : string(field, value);
    }

    /** A boolean that may be left out; null means left out. */
    public Boolean optionalBoolean(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            wrongType(field, "Must be a boolean (true or false)");
            return null;
        }
        return value.getBooleanValue();
    }

    /** An object whose members are all strings (env vars); null means left out. Values are never echoed. */
    public Map<String, String> optionalStringMap(String field) {
        JsonNode value = value(field);
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

    /** An array of strings; null means left out. */
    public List<String> optionalStringList(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            wrongType(field, "Must be an array of strings");
            return null;
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (item == null || !item.isString()) {
                wrongType(field, "Must be an array of strings");
                return null;
            }
            items.add(item.getStringValue());
        }
        return items;
    }

    /**
     * Runs the parsing of values that have the right JSON type, recording its violations and
     * returning null in their place. A field already reported is not reported twice.
     */
    public <T> T check(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInput e) {
            e.violations().forEach(this::add);
            return null;
        }
    }

    /** Records a violation found by the route itself (e.g. a value outside an enumeration). */
    public void reject(Violation violation) {
        add(violation);
    }

    /** Fails with every violation found so far, or does nothing. */
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

    private void wrongType(String field, String rule) {
        add(new Violation(field, Problem.WRONG_TYPE, null, null, rule));
    }

    private void add(Violation violation) {
        if (reported.add(violation.field())) {
            violations.add(violation);
        }
    }
}
