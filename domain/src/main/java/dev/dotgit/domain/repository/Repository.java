package dev.dotgit.domain.repository;

import dev.dotgit.domain.account.AccountSlug;
import java.time.Instant;
import java.util.Objects;

/**
 * A git repository of an account. Created with one initial commit on its default branch, so
 * that branch exists from the start.
 */
public record Repository(RepositoryId id, AccountSlug owner, RepositoryName name, boolean isPrivate,
                         String description, BranchName defaultBranch, RepositoryStatus status,
                         Instant createdAt) {

    public static final int MAX_DESCRIPTION_LENGTH = 1000;

    public Repository {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultBranch, "defaultBranch");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
            throw new IllegalArgumentException("description too long");
        }
    }

    public static Repository create(AccountSlug owner, RepositoryName name, boolean isPrivate, String description,
                                    Instant now) {
        return new Repository(RepositoryId.generate(), owner, name, isPrivate, description, BranchName.MAIN,
                RepositoryStatus.INITIALIZING, now);
    }

    public Repository ready() {
        return new Repository(id, owner, name, isPrivate, description, defaultBranch, RepositoryStatus.READY,
                createdAt);
    }

    /** {@code owner/name}, as git hosts show it. */
    public String fullName() {
        return owner.value() + "/" + name.value();
    }
}
