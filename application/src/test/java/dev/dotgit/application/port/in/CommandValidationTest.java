package dev.dotgit.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.in.project.CreateProjectCommand;
import dev.dotgit.application.port.in.repository.CreateRepositoryCommand;
import dev.dotgit.domain.error.InvalidInput;
import org.junit.jupiter.api.Test;

/** Text that cannot be stored on every engine is refused as invalid input, never as a storage failure. */
class CommandValidationTest {

    @Test
    void aFrameworkWithControlCharactersIsRefused() {
        assertThatThrownBy(() -> CreateProjectCommand.of("web", "next\u0000js", null, null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.first().field()).isEqualTo("framework"));
        assertThat(CreateProjectCommand.of("web", "nextjs", null, null, null).framework()).contains("nextjs");
    }

    @Test
    void aDescriptionWithANulIsRefusedButLineBreaksAreFine() {
        assertThatThrownBy(() -> CreateRepositoryCommand.of("acme", "web", null, "a\u0000b"))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.first().field()).isEqualTo("description"));
        assertThat(CreateRepositoryCommand.of("acme", "web", null, "# Web\n\nThe site.").description())
                .contains("# Web\n\nThe site.");
    }
}
