package dev.dotgit.domain.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.domain.error.InvalidInput;
import org.junit.jupiter.api.Test;

class BuildSettingsTest {

    @Test
    void outputDirectoryMustStayInsideTheCheckout() {
        assertThat(BuildSettings.parse("npm run build", "dist").outputDirectory()).isEqualTo("dist");
        assertThat(BuildSettings.parse(null, "public/site").outputDirectory()).isEqualTo("public/site");
        for (String bad : new String[] {"/etc", "../up", "a/../../b", "..", "c:\\x", "a\\b", ""}) {
            assertThatThrownBy(() -> BuildSettings.parse(null, bad)).as(bad)
                    .isInstanceOfSatisfying(InvalidInput.class,
                            e -> assertThat(e.first().field()).isEqualTo("output_directory"));
        }
    }

    @Test
    void buildCommandMustBeAReasonableCommand() {
        assertThatThrownBy(() -> BuildSettings.parse("   ", null)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> BuildSettings.parse("x".repeat(5000), null)).isInstanceOf(InvalidInput.class);
        assertThat(BuildSettings.parse(null, null)).isEqualTo(BuildSettings.NONE);
    }
}
