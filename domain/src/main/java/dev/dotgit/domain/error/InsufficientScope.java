package dev.dotgit.domain.error;

import java.util.Map;

/** The key is valid but its scopes or environment restrictions do not cover this request. */
public final class InsufficientScope extends DomainError {

    private final Map<String, String> details;

    private InsufficientScope(String message, Map<String, String> details) {
        super(message);
        this.details = details;
    }

    public static InsufficientScope missingScope(String requiredScope) {
        return new InsufficientScope("This API key lacks the '" + requiredScope
                + "' scope required for this request.", Map.of("required_scope", requiredScope));
    }

    public static InsufficientScope environmentNotAllowed(String environment) {
        return new InsufficientScope("This API key is not allowed to deploy to the '" + environment
                + "' environment.", Map.of("environment", environment));
    }

    public static InsufficientScope restrictedKey(String action) {
        return new InsufficientScope("This API key is restricted to some projects or environments and cannot "
                + action + "; use an unrestricted key.", Map.of());
    }

    @Override
    public String code() {
        return "insufficient_scope";
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.FORBIDDEN;
    }

    @Override
    public Map<String, String> details() {
        return details;
    }
}
