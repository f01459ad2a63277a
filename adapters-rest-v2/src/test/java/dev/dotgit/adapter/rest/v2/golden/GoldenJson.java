package dev.dotgit.adapter.rest.v2.golden;

import dev.dotgit.testing.golden.GoldenFixtures;
import java.util.Map;

/**
 * v2's golden fixtures under {@code golden/v2/}, read with the shared matcher (see
 * {@link GoldenFixtures} for the placeholders). Shipped in the module's test-jar, so that the
 * end-to-end tests of the running server check the same fixtures with the same rules.
 */
public final class GoldenJson {

    private static final GoldenFixtures V2 = new GoldenFixtures("golden/v2/");

    private GoldenJson() {
    }

    public static String fixture(String name) {
        return V2.fixture(name);
    }

    public static String request(String name, Map<String, String> variables) {
        return V2.request(name, variables);
    }

    public static void assertMatches(String name, String actualJson) {
        V2.assertMatches(name, actualJson);
    }

    public static void assertMatches(String name, String actualJson, Map<String, String> variables) {
        V2.assertMatches(name, actualJson, variables);
    }
}
