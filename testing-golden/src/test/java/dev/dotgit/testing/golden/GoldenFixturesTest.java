package dev.dotgit.testing.golden;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The matcher must fail where a payload differs, or every golden test built on it proves nothing. */
class GoldenFixturesTest {

    private static void matches(String expected, String actual) {
        assertThatCode(() -> GoldenFixtures.assertMatchesJson(expected, actual, Map.of("project", "proj_0123456789"),
                "inline")).doesNotThrowAnyException();
    }

    private static void differs(String expected, String actual, String explanation) {
        assertThatThrownBy(() -> GoldenFixtures.assertMatchesJson(expected, actual, Map.of(), "inline"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(explanation);
    }

    @Test
    void placeholdersMatchGeneratedValuesOfTheirShape() {
        matches("""
                {"id":"{{id:dep}}","at":"{{timestamp}}","sha":"{{sha}}","url":"http://{{id:dep}}.localhost:8080",
                 "took":"{{duration}}","total":"{{integer}}","project":"{{var:project}}","any":"{{string}}",
                 "ts":"{{unix}}"}""",
                """
                {"id":"dep_a1b2c3d4e5","at":"2025-03-14T10:32:00Z","sha":"0123456789abcdef0123456789abcdef01234567",
                 "url":"http://dep_zzzzzzzzzz.localhost:8080","took":"14.2s","total":42,
                 "project":"proj_0123456789","any":"whatever","ts":"1718891200"}""");
    }

    @Test
    void aValueOfTheWrongShapeIsReportedWithItsPath() {
        differs("{\"data\":[{\"id\":\"{{id:dep}}\"}]}", "{\"data\":[{\"id\":\"proj_a1b2c3d4e5\"}]}", "$.data[0].id");
        differs("{\"at\":\"{{timestamp}}\"}", "{\"at\":\"2025-03-14T10:32:00.123Z\"}", "$.at");
        differs("{\"ts\":\"{{unix}}\"}", "{\"ts\":\"2024-06-20T12:00:00Z\"}", "$.ts");
        differs("{\"total\":\"{{integer}}\"}", "{\"total\":\"42\"}", "expected an integer");
    }

    @Test
    void fieldsMustAppearInTheFixturesOrderWithNoneMissingOrAdded() {
        differs("{\"a\":1,\"b\":2}", "{\"b\":2,\"a\":1}", "in this order");
        differs("{\"a\":1,\"b\":2}", "{\"a\":1}", "in this order");
        differs("{\"a\":1}", "{\"a\":1,\"secret\":\"x\"}", "in this order");
    }

    @Test
    void literalValuesAndNullsMustBeEqual() {
        differs("{\"status\":\"queued\"}", "{\"status\":\"building\"}", "$.status");
        differs("{\"completed_at\":null}", "{\"completed_at\":\"2025-03-14T10:32:00Z\"}", "expected null");
        differs("{\"code\":422}", "{\"code\":\"422\"}", "$.code");
        differs("{\"data\":[]}", "{\"data\":[{}]}", "expected 0 elements");
    }

    @Test
    void regularExpressionCharactersInFixturesAreLiteral() {
        differs("{\"message\":\"Branch 'a.b' does not exist\"}", "{\"message\":\"Branch 'aXb' does not exist\"}",
                "$.message");
    }
}
