package dev.dotgit.application.service.auth;

import dev.dotgit.application.port.in.auth.AuthenticateOperatorUseCase;
import dev.dotgit.domain.apikey.SecretKey.SecretHash;
import dev.dotgit.domain.error.Unauthenticated;
import dev.dotgit.domain.error.Unauthenticated.Reason;
import java.util.Optional;

/** Compares hashes of the presented and configured tokens, so the comparison time says nothing about either. */
public final class AuthenticateOperatorService implements AuthenticateOperatorUseCase {

    private final Optional<SecretHash> operatorTokenHash;

    public AuthenticateOperatorService(Optional<String> operatorToken) {
        this.operatorTokenHash = operatorToken.filter(t -> !t.isBlank()).map(SecretHash::of);
    }

    @Override
    public boolean isOperatorSurfaceEnabled() {
        return operatorTokenHash.isPresent();
    }

    @Override
    public void verify(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) {
            throw new Unauthenticated(Reason.MISSING_OPERATOR_TOKEN);
        }
        if (operatorTokenHash.isEmpty() || !operatorTokenHash.get().matches(SecretHash.of(bearerToken))) {
            throw new Unauthenticated(Reason.INVALID_OPERATOR_TOKEN);
        }
    }
}
