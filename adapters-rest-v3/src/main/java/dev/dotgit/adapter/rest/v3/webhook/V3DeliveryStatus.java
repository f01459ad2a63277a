package dev.dotgit.adapter.rest.v3.webhook;

import dev.dotgit.domain.webhook.DeliveryStatus;
import java.util.List;
import java.util.Optional;

/**
 * v3's words for a delivery's state: {@code pending} (attempts may still come),
 * {@code succeeded} (a 2xx arrived) and {@code failed} (given up for good, or the webhook was
 * disabled). The same past participle as the event names ({@code deployment.succeeded}); one
 * word per domain state, so the {@code status} filter maps one to one.
 */
enum V3DeliveryStatus {
    PENDING("pending"),
    SUCCEEDED("succeeded"),
    FAILED("failed");

    private final String word;

    V3DeliveryStatus(String word) {
        this.word = word;
    }

    /** Exhaustive over the domain's states: a new state does not compile until v3 names it. */
    static String wordFor(DeliveryStatus status) {
        return switch (status) {
            case PENDING -> PENDING.word;
            case SUCCEEDED -> SUCCEEDED.word;
            case FAILED -> FAILED.word;
        };
    }

    static Optional<DeliveryStatus> fromWord(String word) {
        for (DeliveryStatus status : DeliveryStatus.values()) {
            if (wordFor(status).equals(word)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    static List<String> words() {
        return List.of(PENDING.word, SUCCEEDED.word, FAILED.word);
    }
}
