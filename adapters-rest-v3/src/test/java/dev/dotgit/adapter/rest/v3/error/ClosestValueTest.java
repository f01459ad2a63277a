package dev.dotgit.adapter.rest.v3.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The closeness rule of enum suggestions, value by value. */
class ClosestValueTest {

    private static final List<String> ENVIRONMENTS = List.of("production", "staging", "preview");
    private static final List<String> STATUSES = List.of("queued", "running", "live", "failed", "cancelled");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
        "prod, production",
        "PRODUCTION, production",
        "production1, production",
        "stagng, staging",
        "staging, staging",
        "previw, preview",
        "pr, none",
        "p, none",
        "qa, none",
        "dev, none",
        "' ', none",
    })
    void environments(String input, String expected) {
        assertThat(ClosestValue.to(input, ENVIRONMENTS).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
        "runing, running",
        "canceled, cancelled",
        "fail, failed",
        "success, none",
        "building, none",
    })
    void statuses(String input, String expected) {
        assertThat(ClosestValue.to(input, STATUSES).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0},{1} -> {2}")
    @CsvSource({"kitten, sitting, 3", "'', abc, 3", "abc, abc, 0", "flaw, lawn, 2"})
    void levenshtein(String a, String b, int distance) {
        assertThat(ClosestValue.levenshtein(a, b)).isEqualTo(distance);
    }
}
