package dev.dotgit.adapter.rest.v1.error;

/**
 * A body already in one of v1's two error shapes. The v1 response filter leaves these alone
 * and re-renders every other error body (Micronaut's defaults) under {@code /v1}.
 */
public sealed interface V1ErrorBody permits ErrorEnvelope, ValidationErrorEnvelope {
}
