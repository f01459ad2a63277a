package dev.dotgit.application.port.in.git;

import java.util.Objects;

/**
 * A repository as a git client names it in its URL: {@code <owner>/<name>.git}, without the
 * {@code .git}. Taken as sent; anything that names no visible repository is "not found".
 */
public record GitRepositoryPath(String owner, String name) {

    public GitRepositoryPath {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
    }

    /** For messages: {@code owner/name.git}. */
    @Override
    public String toString() {
        return owner + "/" + name + ".git";
    }
}
