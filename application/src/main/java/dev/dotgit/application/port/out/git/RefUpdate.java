package dev.dotgit.application.port.out.git;

import java.util.Objects;

/**
 * One ref a push moved. {@code before} is the all-zero hash for a ref the push created,
 * {@code after} for one it deleted (as git writes them).
 *
 * @param ref the full ref name, e.g. {@code refs/heads/main}
 */
public record RefUpdate(String ref, String before, String after) {

    public static final String ZERO_ID = dev.dotgit.domain.webhook.PushSnapshot.ZERO_ID;

    public RefUpdate {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    public boolean isDelete() {
        return ZERO_ID.equals(after);
    }
}
