package dev.dotgit.adapter.rest.v3.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * One HTTP attempt of a delivery: {@code status_code} is the receiver's answer, or null when none
 * came (refused target, connection error, timeout); {@code error} says what went wrong in a few
 * words, or is null for a 2xx; {@code latency_ms} runs from sending to the end of the answer.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AttemptItem(int number, String attemptedAt, Integer statusCode, String error, long latencyMs) {
}
