package dev.dotgit.domain.error;

import java.util.Map;

/** The server is configured to accept API requests over HTTPS only, and this one came over plain HTTP. */
public final class HttpsRequired extends DomainError {

    public HttpsRequired() {
        super("This server accepts API requests over HTTPS only; send the request to an https:// URL.");
    }

    @Override
    public String code() {
        return "https_required";
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.FORBIDDEN;
    }

    @Override
    public Map<String, String> details() {
        return Map.of();
    }
}
