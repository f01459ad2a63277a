package dev.dotgit.domain.webhook;

import java.util.Objects;

/**
 * What a push event says: one ref of one repository moved from {@code before} to {@code after}
 * (the all-zero hash for a ref that was created or deleted, as git itself writes it), frozen
 * when the event is recorded so that every attempt and redelivery sends the same facts.
 *
 * @param fullName {@code owner/name}, as the repository was called at the push
 * @param ref      the full ref name ({@code refs/heads/main}, {@code refs/tags/v1})
 * @param pushedBy the principal that pushed (an API key or service account id)
 */
public record PushSnapshot(String repositoryId, String fullName, String ref, String before, String after,
                           String pushedBy) {

    /** The object id git uses for "no object": a created ref's before, a deleted ref's after. */
    public static final String ZERO_ID = "0000000000000000000000000000000000000000";

    public PushSnapshot {
        Objects.requireNonNull(repositoryId, "repositoryId");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(pushedBy, "pushedBy");
    }
}
