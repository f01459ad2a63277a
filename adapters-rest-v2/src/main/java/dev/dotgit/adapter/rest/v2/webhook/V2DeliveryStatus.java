package dev.dotgit.adapter.rest.v2.webhook;

import dev.dotgit.domain.webhook.DeliveryStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * v2's words for delivery states, used both to show a delivery and to read the {@code status}
 * filter of its list: {@code pending} while attempts may still come, {@code succeeded} once the
 * target answered 2xx, {@code failed} when the retry window ran out, the target answered 410 or
 * the subscription is gone. (Stripe's words for the same thing.)
 */
enum V2DeliveryStatus {
    PENDING("pending", DeliveryStatus.PENDING),
    SUCCEEDED("succeeded", DeliveryStatus.SUCCEEDED),
    FAILED("failed", DeliveryStatus.FAILED);

    private final String word;
    private final DeliveryStatus domain;

    V2DeliveryStatus(String word, DeliveryStatus domain) {
        this.word = word;
        this.domain = domain;
    }

    /** Exhaustive over the domain's states: a new state does not compile until v2 names it. */
    static String wordFor(DeliveryStatus status) {
        return switch (status) {
            case PENDING -> PENDING.word;
            case SUCCEEDED -> SUCCEEDED.word;
            case FAILED -> FAILED.word;
        };
    }

    static Optional<DeliveryStatus> fromWord(String word) {
        return Arrays.stream(values()).filter(s -> s.word.equals(word)).map(s -> s.domain).findFirst();
    }

    static List<String> words() {
        return Arrays.stream(values()).map(s -> s.word).toList();
    }
}
