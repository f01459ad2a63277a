package dev.dotgit.domain.repository;

public enum RepositoryStatus {
    /** The row exists but the git repository is not yet on disk. */
    INITIALIZING,
    /** The git repository exists with its default branch. */
    READY
}
