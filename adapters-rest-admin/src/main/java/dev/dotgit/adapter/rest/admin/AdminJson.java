package dev.dotgit.adapter.rest.admin;

import dev.dotgit.application.port.in.account.RateLimitInput;
import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.error.MalformedJson;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Reads operator request bodies as JSON trees, so that wrong types are reported per field
 * ("must be a string") instead of as one opaque binding failure.
 */
@Singleton
class AdminJson {

    private final JsonMapper mapper;

    AdminJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    Fields object(String body) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : mapper.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw new MalformedJson();
        }
        if (node == null || !node.isObject()) {
            throw new MalformedJson();
        }
        return new Fields(node, "");
    }

    record Fields(JsonNode node, String prefix) {

        boolean has(String name) {
            return node.get(name) != null;
        }

        /** The string value, null when absent or JSON null. */
        String string(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isString()) {
                throw InvalidInput.wrongType(prefix + name, "a string");
            }
            return value.getStringValue();
        }

        Long integer(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isNumber()) {
                throw InvalidInput.wrongType(prefix + name, "an integer");
            }
            Number number = value.getNumberValue();
            if (number.doubleValue() != Math.rint(number.doubleValue())) {
                throw InvalidInput.wrongType(prefix + name, "an integer");
            }
            if (Math.abs(number.doubleValue()) > Long.MAX_VALUE / 2.0) {
                throw InvalidInput.outOfRange(prefix + name, null, "Must be an integer from 1 to 1000000");
            }
            return number.longValue();
        }

        RateLimitInput rateLimit(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isObject()) {
                throw InvalidInput.wrongType(prefix + name, "an object with per_minute and burst");
            }
            Fields nested = new Fields(value, prefix + name + ".");
            return new RateLimitInput(nested.integer("per_minute"), nested.integer("burst"));
        }
    }
}
