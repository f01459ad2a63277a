package dev.dotgit.adapter.rest.v3.golden;

import dev.dotgit.testing.golden.GoldenFixtures;
import java.util.Map;

/**
 * v3's golden fixtures under {@code golden/v3/}, read with the shared matcher (see
 * {@link GoldenFixtures} for the placeholders). Shipped in the module's test-jar, so that
 * end-to-end tests of the running server check the same fixtures with the same rules.
 */
public final class GoldenJson {

    private static final GoldenFixtures V3 = new GoldenFixtures("golden/v3/");

    private GoldenJson() {
    }

    /** The text of a fixture, e.g. {@code fixture("projects/create.request.json")}, to send as a request body. */
    public static String fixture(String name) {
        return V3.fixture(name);
    }

    /** A request fixture with its {@code {{var:<name>}}} placeholders replaced by the given values. */
    public static String request(String name, Map<String, String> variables) {
        return V3.request(name, variables);
    }

    /** Asserts that {@code actualJson} matches the fixture {@code name}. */
    public static void assertMatches(String name, String actualJson) {
        V3.assertMatches(name, actualJson);
    }

    /** As {@link #assertMatches(String, String)}, with values for the fixture's {@code {{var:<name>}}} placeholders. */
    public static void assertMatches(String name, String actualJson, Map<String, String> variables) {
        V3.assertMatches(name, actualJson, variables);
    }

    /** Compares against expected JSON given inline rather than as a fixture file. */
    public static void assertMatchesJson(String expectedJson, String actualJson, Map<String, String> variables,
                                         String description) {
        GoldenFixtures.assertMatchesJson(expectedJson, actualJson, variables, description);
    }
}
