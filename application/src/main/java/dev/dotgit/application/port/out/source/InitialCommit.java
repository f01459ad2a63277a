package dev.dotgit.application.port.out.source;

import dev.dotgit.domain.repository.BranchName;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The first commit of a new repository. */
public record InitialCommit(BranchName branch, List<SourceFile> files, String message, String authorName,
                            String authorEmail, Instant when) {

    public InitialCommit {
        Objects.requireNonNull(branch, "branch");
        files = List.copyOf(files);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(authorName, "authorName");
        Objects.requireNonNull(authorEmail, "authorEmail");
        Objects.requireNonNull(when, "when");
    }
}
