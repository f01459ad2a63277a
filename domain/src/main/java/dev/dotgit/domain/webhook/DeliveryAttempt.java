package dev.dotgit.domain.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * One HTTP attempt of a delivery.
 *
 * @param httpStatus the target's status code, or null when no response came (refused target,
 *                   connection error, timeout)
 * @param error      what went wrong in a few words, or null for a 2xx
 * @param latencyMs  from sending the request to the end of the response (or the failure)
 */
public record DeliveryAttempt(int number, Instant at, Integer httpStatus, String error, long latencyMs) {

    public static final int MAX_ERROR_LENGTH = 500;

    public DeliveryAttempt {
        Objects.requireNonNull(at, "at");
        if (number < 1 || latencyMs < 0) {
            throw new IllegalArgumentException("attempt numbers start at 1 and latency is not negative");
        }
        if (httpStatus == null && error == null) {
            throw new IllegalArgumentException("an attempt without a response has an error");
        }
        if (error != null && error.length() > MAX_ERROR_LENGTH) {
            error = error.substring(0, MAX_ERROR_LENGTH);
        }
    }

    public boolean succeeded() {
        return error == null && httpStatus != null && httpStatus >= 200 && httpStatus < 300;
    }
}
