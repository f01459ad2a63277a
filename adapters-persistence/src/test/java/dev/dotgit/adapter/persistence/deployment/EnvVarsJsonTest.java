package dev.dotgit.adapter.persistence.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvVarsJsonTest {

    @Test
    void noVariablesAreStoredAsNothingAndReadBackEmpty() {
        assertThat(EnvVarsJson.encode(Map.of())).isNull();
        assertThat(EnvVarsJson.decode(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "", "say \"hi\"", "back\\slash \\\\ \\u0041 \\n", "line\nbreak\r\n\ttab",
            "\b\f\u0000\u0001\u001f\u007f", "ünïcödé 中文 😀", "\u2028\u2029", "\ud800 lone high", "lone low \udc00",
            "{\"json\": [1, null]}", "/slashes/ and </script>"})
    void everyValueRoundTrips(String value) {
        Map<String, String> variables = Map.of("NAME", value);

        assertThat(EnvVarsJson.decode(EnvVarsJson.encode(variables))).isEqualTo(variables);
    }

    @Test
    void manyVariablesKeepTheirOrder() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 30; i > 0; i--) {
            variables.put("VAR_" + i, "value " + i);
        }

        assertThat(EnvVarsJson.decode(EnvVarsJson.encode(variables))).containsExactlyEntriesOf(variables);
    }

    @Test
    void onlyWhatJsonRequiresIsEscapedSoTheTextStaysAsShortAsTheValues() {
        assertThat(EnvVarsJson.encode(Map.of("K", "é\"\\\n\u0001😀/")))
                .isEqualTo("{\"K\":\"é\\\"\\\\\\n\\u0001😀/\"}");
    }

    @Test
    void aLoneSurrogateIsWrittenAsAnEscapeSoUtf8StorageKeepsIt() {
        assertThat(EnvVarsJson.encode(Map.of("K", "a\ud800b"))).isEqualTo("{\"K\":\"a\\ud800b\"}");
    }

    @Test
    void jsonWrittenByOtherHandsIsReadToo() {
        assertThat(EnvVarsJson.decode(" { \"A\" : \"\\u00e9\\/x\" ,\n\"B\":\"\"} "))
                .containsExactly(Map.entry("A", "é/x"), Map.entry("B", ""));
        assertThat(EnvVarsJson.decode("{}")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{", "{\"A\"}", "{\"A\":1}", "{\"A\":\"x\",}", "{\"A\":\"x\"} extra",
            "{\"A\":\"\\q\"}", "{\"A\":\"\\u12g4\"}", "{\"A\":\"\\u１２３４\"}", "{\"A\":\"unterminated}",
            "{\"A\":\"raw\ncontrol\"}"})
    void brokenTextIsRefusedRatherThanMisread(String stored) {
        assertThatThrownBy(() -> EnvVarsJson.decode(stored)).isInstanceOf(IllegalStateException.class);
    }
}
