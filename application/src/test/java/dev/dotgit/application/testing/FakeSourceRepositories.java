package dev.dotgit.application.testing;

import dev.dotgit.application.port.out.source.InitialCommit;
import dev.dotgit.application.port.out.source.SourceFile;
import dev.dotgit.application.port.out.source.SourceRepositoryException;
import dev.dotgit.application.port.out.source.SourceRepositoryPort;
import dev.dotgit.domain.repository.BranchName;
import dev.dotgit.domain.repository.CommitSha;
import dev.dotgit.domain.repository.RepositoryId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Repositories as maps of branches to commits, each commit a list of files. Enough to drive
 * use cases (branch and commit resolution, checkout) without git; the git adapter passes the
 * same contract with real repositories.
 */
public final class FakeSourceRepositories implements SourceRepositoryPort {

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Repo(Map<String, CommitSha> branches, Map<String, List<SourceFile>> commits) {
    }

    private final Map<RepositoryId, Repo> repositories = new ConcurrentHashMap<>();

    @Override
    public CommitSha initialize(RepositoryId repository, InitialCommit commit) {
        for (SourceFile file : commit.files()) {
            if (!isSafePath(file.path())) {
                throw new SourceRepositoryException("invalid path in initial commit: " + file.path(), null);
            }
        }
        CommitSha sha = randomSha();
        Repo repo = new Repo(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        repo.branches().put(commit.branch().value(), sha);
        repo.commits().put(sha.value(), commit.files());
        if (repositories.putIfAbsent(repository, repo) != null) {
            throw new SourceRepositoryException("repository exists: " + repository, null);
        }
        return sha;
    }

    /** Test helper: a new commit with {@code files} on {@code branch} (created if absent). */
    public CommitSha commit(RepositoryId repository, BranchName branch, List<SourceFile> files) {
        Repo repo = repositories.get(repository);
        CommitSha sha = randomSha();
        repo.commits().put(sha.value(), List.copyOf(files));
        repo.branches().put(branch.value(), sha);
        return sha;
    }

    @Override
    public Optional<CommitSha> resolveBranch(RepositoryId repository, BranchName branch) {
        return Optional.ofNullable(repositories.get(repository)).map(r -> r.branches().get(branch.value()));
    }

    @Override
    public Optional<CommitSha> resolveCommit(RepositoryId repository, CommitSha commit) {
        Repo repo = repositories.get(repository);
        if (repo == null) {
            return Optional.empty();
        }
        List<String> matches = repo.commits().keySet().stream().filter(c -> c.startsWith(commit.value())).toList();
        return matches.size() == 1 ? Optional.of(new CommitSha(matches.get(0))) : Optional.empty();
    }

    @Override
    public void checkout(RepositoryId repository, CommitSha commit, Path target) {
        Repo repo = repositories.get(repository);
        List<SourceFile> files = repo == null ? null : repo.commits().get(commit.value());
        if (files == null) {
            throw new SourceRepositoryException("no commit " + commit, null);
        }
        try {
            for (SourceFile file : files) {
                Path path = target.resolve(file.path());
                Files.createDirectories(path.getParent());
                Files.write(path, file.content());
            }
        } catch (IOException e) {
            throw new SourceRepositoryException("checkout failed", e);
        }
    }

    @Override
    public void delete(RepositoryId repository) {
        repositories.remove(repository);
    }

    /** The paths git accepts in a tree: relative, no empty, "." or ".." segment, no ".git". */
    private static boolean isSafePath(String path) {
        if (path.isEmpty() || path.startsWith("/")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.equalsIgnoreCase(".git")
                    || segment.indexOf('\0') >= 0) {
                return false;
            }
        }
        return true;
    }

    public boolean exists(RepositoryId repository) {
        return repositories.containsKey(repository);
    }

    private static CommitSha randomSha() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return new CommitSha(HexFormat.of().formatHex(bytes));
    }
}
