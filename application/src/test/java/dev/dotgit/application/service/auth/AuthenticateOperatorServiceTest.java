package dev.dotgit.application.service.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.in.auth.AuthenticateOperatorUseCase;
import dev.dotgit.domain.error.Unauthenticated;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticateOperatorServiceTest {

    private static final String TOKEN = "op-7f3a9c2e-token";

    private final AuthenticateOperatorUseCase enabled = new AuthenticateOperatorService(Optional.of(TOKEN));

    @Test
    void theSurfaceExistsOnlyWithAConfiguredToken() {
        assertThat(enabled.isOperatorSurfaceEnabled()).isTrue();
        assertThat(new AuthenticateOperatorService(Optional.empty()).isOperatorSurfaceEnabled()).isFalse();
        assertThat(new AuthenticateOperatorService(Optional.of("  ")).isOperatorSurfaceEnabled()).isFalse();
    }

    @Test
    void aMissingTokenIsMissingOperatorToken() {
        for (String missing : new String[] {null, "", " "}) {
            assertThatThrownBy(() -> enabled.verify(missing))
                    .isInstanceOfSatisfying(Unauthenticated.class, e -> {
                        assertThat(e.code()).isEqualTo("missing_operator_token");
                        assertThat(e.credentialWasSent()).isFalse();
                    });
        }
    }

    @Test
    void aWrongTokenIsInvalidOperatorToken() {
        for (String wrong : new String[] {"nope", TOKEN + " ", TOKEN.toUpperCase(), TOKEN.substring(1)}) {
            assertThatThrownBy(() -> enabled.verify(wrong))
                    .isInstanceOfSatisfying(Unauthenticated.class, e -> {
                        assertThat(e.code()).isEqualTo("invalid_operator_token");
                        assertThat(e.credentialWasSent()).isTrue();
                    });
        }
    }

    @Test
    void theRightTokenPasses() {
        assertThatCode(() -> enabled.verify(TOKEN)).doesNotThrowAnyException();
    }

    @Test
    void whenDisabledNoTokenPasses() {
        AuthenticateOperatorUseCase disabled = new AuthenticateOperatorService(Optional.empty());

        assertThatThrownBy(() -> disabled.verify(TOKEN)).isInstanceOfSatisfying(Unauthenticated.class,
                e -> assertThat(e.code()).isEqualTo("invalid_operator_token"));
        AuthenticateOperatorUseCase blank = new AuthenticateOperatorService(Optional.of(""));
        assertThatThrownBy(() -> blank.verify("x")).isInstanceOf(Unauthenticated.class);
    }
}
