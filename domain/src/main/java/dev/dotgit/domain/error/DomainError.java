package dev.dotgit.domain.error;

import java.util.Map;

/**
 * The closed family of failures a caller can be told about. Each has a stable machine code
 * (part of every API version's contract) and structured details; adapters render the family
 * in their own dialect and never invent codes of their own for these situations.
 */
public abstract sealed class DomainError extends RuntimeException
        permits NotFound, AlreadyExists, InvalidInput, InvalidBranch, InvalidCommit,
                DeploymentNotCancellable, DeploymentInUse, IllegalDeploymentTransition,
                ProjectArchived, Unauthenticated, InsufficientScope, ConcurrentModification,
                StorageUnavailable, MalformedJson, IdempotencyKeyReused, IdempotencyKeyInUse, HttpsRequired,
                RateLimited, InvalidGitRequest, TokenRequestRefused {

    protected DomainError(String message) {
        super(message, null, false, false);
    }

    protected DomainError(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** The stable, documented code, e.g. {@code invalid_branch}. */
    public abstract String code();

    public abstract ErrorCategory category();

    /** Structured facts about the failure, keyed by their snake_case wire names. Never secrets. */
    public Map<String, String> details() {
        return Map.of();
    }
}
