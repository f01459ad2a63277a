package dev.dotgit.adapter.git;

import dev.dotgit.application.port.out.source.InitialCommit;
import dev.dotgit.application.port.out.source.SourceFile;
import dev.dotgit.application.port.out.source.SourceRepositoryException;
import dev.dotgit.application.port.out.source.SourceRepositoryPort;
import dev.dotgit.domain.repository.BranchName;
import dev.dotgit.domain.repository.CommitSha;
import dev.dotgit.domain.repository.RepositoryId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Every platform repository is a bare git repository at {@code <root>/<repositoryId>.git},
 * so ordinary git tools work on it.
 *
 * <p>Each call opens the repository afresh and closes it again: calls from many threads share
 * nothing but the directory, JGit's readers are safe to run side by side, and a repository
 * deleted meanwhile is simply absent for the next call. Opening costs a read of the config
 * and of the pack list, never a scan of the objects. Creation and removal are single
 * directory renames, so a concurrent reader sees a whole repository or none.
 *
 * <p>Work directories beside the repositories ({@code .initializing-…}, {@code .deleting-…})
 * are never read as repositories; a crash can leave one behind, and it only takes space.
 */
public final class JGitSourceRepositories implements SourceRepositoryPort {

    static final String REPOSITORY_SUFFIX = ".git";
    /** Names of work directories beside the repositories; never a valid {@code <id>.git}. */
    static final String INITIALIZING_PREFIX = ".initializing-";
    static final String DELETING_PREFIX = ".deleting-";

    private final Path root;

    public JGitSourceRepositories(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public CommitSha initialize(RepositoryId repository, InitialCommit commit) {
        requireDistinctPaths(repository, commit.files());
        Path target = directoryOf(repository);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new SourceRepositoryException("Repository " + repository + " already exists", null);
        }
        Path staging = null;
        try {
            Files.createDirectories(root);
            // Not createTempDirectory: its mode 0700 would differ from what git init makes (umask).
            staging = Files.createDirectory(root.resolve(INITIALIZING_PREFIX + repository.value() + "-"
                    + UUID.randomUUID()));
            ObjectId head = writeInitialCommit(staging, commit);
            moveIntoPlace(repository, staging, target);
            staging = null;
            return new CommitSha(head.name());
        } catch (IOException | GitAPIException e) {
            throw new SourceRepositoryException("Could not create repository " + repository + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // JGit refuses paths git itself would refuse ("..", absolute, ".git", duplicates).
            throw new SourceRepositoryException("Could not create repository " + repository
                    + ": the initial commit has an invalid file list (" + e.getMessage() + ")", e);
        } finally {
            if (staging != null) {
                deleteQuietly(staging);
            }
        }
    }

    /**
     * A path listed twice, or as a file and also as a directory of another file, would make
     * two tree entries of one name: JGit refuses the first, and writes the second as a tree
     * that git fsck rejects.
     */
    private static void requireDistinctPaths(RepositoryId repository, List<SourceFile> files) {
        Set<String> filePaths = new HashSet<>();
        Set<String> directoryPaths = new HashSet<>();
        for (SourceFile file : files) {
            String path = file.path();
            boolean clash = !filePaths.add(path) || directoryPaths.contains(path);
            for (int slash = path.indexOf('/'); slash > 0 && !clash; slash = path.indexOf('/', slash + 1)) {
                String directory = path.substring(0, slash);
                directoryPaths.add(directory);
                clash = filePaths.contains(directory);
            }
            if (clash) {
                throw new SourceRepositoryException("Could not create repository " + repository
                        + ": the initial commit lists '" + path + "' twice, or as a file and a directory", null);
            }
        }
    }

    private static ObjectId writeInitialCommit(Path gitDirectory, InitialCommit commit)
            throws IOException, GitAPIException {
        try (Git git = Git.init().setBare(true).setDirectory(gitDirectory.toFile())
                .setInitialBranch(commit.branch().value()).call();
             ObjectInserter inserter = git.getRepository().newObjectInserter()) {
            // No working tree: blobs, tree and commit go straight into the object store.
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            for (SourceFile file : commit.files()) {
                DirCacheEntry entry = new DirCacheEntry(file.path());
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.content()));
                builder.add(entry);
            }
            builder.finish();
            ObjectId tree = index.writeTree(inserter);

            PersonIdent author = new PersonIdent(commit.authorName(), commit.authorEmail(), commit.when(),
                    ZoneOffset.UTC);
            CommitBuilder commitBuilder = new CommitBuilder();
            commitBuilder.setTreeId(tree);
            commitBuilder.setAuthor(author);
            commitBuilder.setCommitter(author);
            commitBuilder.setMessage(commit.message());
            ObjectId head = inserter.insert(commitBuilder);
            inserter.flush();

            RefUpdate update = git.getRepository().updateRef(Constants.R_HEADS + commit.branch().value());
            update.setNewObjectId(head);
            update.setExpectedOldObjectId(ObjectId.zeroId());
            update.setRefLogMessage("commit (initial): " + firstLine(commit.message()), false);
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW) {
                throw new IOException("branch " + commit.branch() + " could not be created: " + result);
            }
            return head;
        }
    }

    /**
     * A rename of the finished repository onto its final name. Two concurrent creations of
     * one id both build a staging copy; the first rename wins and the second finds a non-empty
     * directory in its way, fails, and removes its staging copy.
     */
    private static void moveIntoPlace(RepositoryId repository, Path staging, Path target) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new SourceRepositoryException("Repository " + repository + " already exists", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<CommitSha> resolveBranch(RepositoryId repository, BranchName branch) {
        try (Repository git = openIfPresent(repository)) {
            if (git == null) {
                return Optional.empty();
            }
            Ref ref = git.exactRef(Constants.R_HEADS + branch.value());
            return ref == null || ref.getObjectId() == null ? Optional.empty()
                    : Optional.of(new CommitSha(ref.getObjectId().name()));
        } catch (IOException e) {
            throw new SourceRepositoryException("Could not read branch " + branch + " of " + repository, e);
        }
    }

    @Override
    public Optional<CommitSha> resolveCommit(RepositoryId repository, CommitSha commit) {
        try (Repository git = openIfPresent(repository)) {
            if (git == null) {
                return Optional.empty();
            }
            try (ObjectReader reader = git.newObjectReader()) {
                return uniqueCommit(reader, commit).map(id -> new CommitSha(id.name()));
            }
        } catch (IOException e) {
            throw new SourceRepositoryException("Could not look up commit " + commit + " in " + repository, e);
        }
    }

    /**
     * Candidates come from the object store's index of the abbreviation's fan-out bucket, not
     * from a scan of all objects. Objects that are not commits are ignored (as git does for a
     * commit-ish), so a tree or blob sharing the prefix does not make a commit ambiguous.
     */
    private static Optional<ObjectId> uniqueCommit(ObjectReader reader, CommitSha commit) throws IOException {
        Collection<ObjectId> candidates;
        if (commit.isFull()) {
            ObjectId id = ObjectId.fromString(commit.value());
            candidates = reader.has(id) ? List.of(id) : List.of();
        } else {
            candidates = reader.resolve(AbbreviatedObjectId.fromString(commit.value()));
        }
        List<ObjectId> commits = new ArrayList<>(1);
        for (ObjectId candidate : candidates) {
            if (isCommit(reader, candidate)) {
                commits.add(candidate);
            }
        }
        return commits.size() == 1 ? Optional.of(commits.get(0)) : Optional.empty();
    }

    private static boolean isCommit(ObjectReader reader, ObjectId id) throws IOException {
        try {
            return reader.open(id).getType() == Constants.OBJ_COMMIT;
        } catch (MissingObjectException gone) {
            return false;
        }
    }

    @Override
    public void checkout(RepositoryId repository, CommitSha commit, Path target) {
        if (!Files.isDirectory(target)) {
            throw new SourceRepositoryException("Checkout target " + target + " is not a directory", null);
        }
        try (Repository git = openIfPresent(repository)) {
            if (git == null) {
                throw new SourceRepositoryException("Repository " + repository + " does not exist", null);
            }
            try (ObjectReader reader = git.newObjectReader()) {
                ObjectId id = uniqueCommit(reader, commit).orElseThrow(() -> new SourceRepositoryException(
                        "Commit " + commit + " does not exist in repository " + repository, null));
                new TreeExport(reader, target).export(id);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new SourceRepositoryException("Could not check out " + commit + " of " + repository + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Renames the repository out of the way first, so it disappears in one step for every
     * reader and a crash halfway through the removal leaves only a {@code .deleting-} directory.
     * A call that opened the repository just before the rename reads on from the renamed
     * directory; if the files go first, that call fails with a SourceRepositoryException, the
     * answer for a repository that is being deleted under it.
     */
    @Override
    public void delete(RepositoryId repository) {
        Path directory = directoryOf(repository);
        Path doomed = root.resolve(DELETING_PREFIX + repository.value() + "-" + UUID.randomUUID());
        try {
            Files.move(directory, doomed, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException absent) {
            return;
        } catch (IOException e) {
            throw new SourceRepositoryException("Could not delete repository " + repository, e);
        }
        try {
            FileTrees.delete(doomed);
        } catch (IOException e) {
            throw new SourceRepositoryException("Repository " + repository + " was removed, but its files in "
                    + doomed + " could not all be deleted", e);
        }
    }

    Path directoryOf(RepositoryId repository) {
        return root.resolve(repository.value() + REPOSITORY_SUFFIX);
    }

    /** The opened repository, or null when there is none under that id (deleted meanwhile included). */
    private Repository openIfPresent(RepositoryId repository) throws IOException {
        Path directory = directoryOf(repository);
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            return new FileRepositoryBuilder().setGitDir(directory.toFile()).setMustExist(true).build();
        } catch (RepositoryNotFoundException deletedMeanwhile) {
            return null;
        }
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static void deleteQuietly(Path directory) {
        try {
            FileTrees.delete(directory);
        } catch (IOException ignored) {
            // Best effort: a staging name is never read as a repository, whatever remains of it.
        }
    }
}
