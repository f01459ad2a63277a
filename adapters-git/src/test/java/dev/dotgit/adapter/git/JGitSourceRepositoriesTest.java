package dev.dotgit.adapter.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.out.source.InitialCommit;
import dev.dotgit.application.port.out.source.SourceFile;
import dev.dotgit.application.port.out.source.SourceRepositoryException;
import dev.dotgit.domain.repository.BranchName;
import dev.dotgit.domain.repository.CommitSha;
import dev.dotgit.domain.repository.RepositoryId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the contract cannot say: the repositories are real git repositories, read by git itself. */
class JGitSourceRepositoriesTest {

    private static final Instant WHEN = Instant.parse("2026-03-04T05:06:07Z");

    @TempDir
    Path temp;
    Path root;
    JGitSourceRepositories repositories;

    @BeforeEach
    void setUp() {
        root = temp.resolve("repositories");
        repositories = new JGitSourceRepositories(root);
    }

    private static InitialCommit siteCommit(String branch) {
        return new InitialCommit(new BranchName(branch), List.of(
                new SourceFile("index.html", "<h1>hi</h1>\n".getBytes(StandardCharsets.UTF_8)),
                new SourceFile("README.md", "# readme\n".getBytes(StandardCharsets.UTF_8)),
                new SourceFile("assets/app.js", "run()\n".getBytes(StandardCharsets.UTF_8))),
                "Initial commit\n\nCreated by dotgit.", "Dot Git", "dotgit@example.test", WHEN);
    }

    @Test
    void eachRepositoryIsABareRepositoryNamedAfterItsId() {
        RepositoryId id = RepositoryId.generate();

        repositories.initialize(id, siteCommit("main"));

        Path directory = root.resolve(id.value() + ".git");
        assertThat(directory.resolve("HEAD")).isRegularFile();
        assertThat(directory.resolve("objects")).isDirectory();
        assertThat(directory.resolve("refs/heads")).isDirectory();
        assertThat(directory.resolve("index")).doesNotExist();
        assertThat(listing(root)).containsExactly(id.value() + ".git");
    }

    @Test
    void gitItselfClonesTheRepositoryAndReadsItsHistory() throws Exception {
        RepositoryId id = RepositoryId.generate();
        CommitSha head = repositories.initialize(id, siteCommit("main"));
        Path bare = root.resolve(id.value() + ".git");
        Path clone = temp.resolve("clone");

        assertThat(git(bare, "fsck", "--strict", "--no-progress")).isEmpty();
        assertThat(git(bare, "symbolic-ref", "HEAD")).isEqualTo("refs/heads/main");
        git(temp, "clone", "--quiet", bare.toString(), clone.toString());

        assertThat(git(clone, "log", "--format=%H|%an|%ae|%aI|%cI|%s")).isEqualTo(
                head.value() + "|Dot Git|dotgit@example.test|2026-03-04T05:06:07+00:00|2026-03-04T05:06:07+00:00|Initial commit");
        assertThat(git(clone, "log", "--format=%b")).isEqualTo("Created by dotgit.");
        assertThat(git(clone, "ls-files")).isEqualTo("README.md\nassets/app.js\nindex.html");
        assertThat(git(clone, "branch", "--show-current")).isEqualTo("main");
        assertThat(clone.resolve("index.html")).hasContent("<h1>hi</h1>");
        assertThat(git(clone, "status", "--porcelain")).isEmpty();
    }

    @Test
    void theCommitsBranchBecomesHeadEvenWithSlashesInItsName() throws Exception {
        RepositoryId id = RepositoryId.generate();
        CommitSha head = repositories.initialize(id, siteCommit("feature/login"));
        Path bare = root.resolve(id.value() + ".git");

        assertThat(git(bare, "symbolic-ref", "HEAD")).isEqualTo("refs/heads/feature/login");
        assertThat(git(bare, "rev-parse", "feature/login")).isEqualTo(head.value());
        assertThat(git(bare, "branch", "--list", "--format=%(refname:short)")).isEqualTo("feature/login");
    }

    @Test
    void anInitializationThatFailsLeavesNothingBehind() {
        RepositoryId id = RepositoryId.generate();

        assertThatThrownBy(() -> repositories.initialize(id, new InitialCommit(BranchName.MAIN,
                List.of(new SourceFile("ok.txt", new byte[0]), new SourceFile(".git/config", new byte[0])),
                "bad", "a", "a@b", WHEN)))
                .isInstanceOf(SourceRepositoryException.class)
                .hasMessageContaining(id.value());

        assertThat(listing(root)).isEmpty();
    }

    @Test
    void anInitialCommitWhosePathsCollideIsRefused() {
        for (List<String> paths : List.of(List.of("same.txt", "same.txt"), List.of("a", "a/b.txt"))) {
            RepositoryId id = RepositoryId.generate();
            List<SourceFile> files = paths.stream().map(path -> new SourceFile(path, new byte[] {1})).toList();

            assertThatThrownBy(() -> repositories.initialize(id, new InitialCommit(BranchName.MAIN, files, "bad",
                    "a", "a@b", WHEN)))
                    .as("paths %s", paths)
                    .isInstanceOf(SourceRepositoryException.class);
            assertThat(listing(root)).isEmpty();
        }
    }

    @Test
    void twoConcurrentInitializationsOfOneIdLeaveExactlyOneRepository() throws Exception {
        RepositoryId id = RepositoryId.generate();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Callable<CommitSha>> attempts = new ArrayList<>();
            for (String branch : List.of("main", "trunk")) {
                attempts.add(() -> {
                    start.await();
                    return repositories.initialize(id, siteCommit(branch));
                });
            }
            List<Future<CommitSha>> results = attempts.stream().map(threads::submit).toList();
            start.countDown();

            List<CommitSha> created = new ArrayList<>();
            int refused = 0;
            for (Future<CommitSha> result : results) {
                try {
                    created.add(result.get(60, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(SourceRepositoryException.class);
                    refused++;
                }
            }

            assertThat(created).hasSize(1);
            assertThat(refused).isEqualTo(1);
            assertThat(listing(root)).containsExactly(id.value() + ".git");
            boolean onMain = repositories.resolveBranch(id, BranchName.MAIN).isPresent();
            boolean onTrunk = repositories.resolveBranch(id, new BranchName("trunk")).isPresent();
            assertThat(onMain ^ onTrunk).isTrue();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void deleteLeavesNoTraceOnDisk() {
        RepositoryId id = RepositoryId.generate();
        repositories.initialize(id, siteCommit("main"));

        repositories.delete(id);

        assertThat(listing(root)).isEmpty();
    }

    @Test
    void checkoutKeepsTheExecutableBitCreatesLinksAndSkipsSubmodules() throws Exception {
        RepositoryId id = RepositoryId.generate();
        repositories.initialize(id, siteCommit("main"));
        CommitSha commit;
        try (Repository git = open(id); ObjectInserter inserter = git.newObjectInserter()) {
            ObjectId script = blob(inserter, "#!/bin/sh\necho built\n");
            ObjectId page = blob(inserter, "<p>page</p>");
            TreeFormatter bin = new TreeFormatter();
            bin.append("build.sh", FileMode.EXECUTABLE_FILE, script);
            TreeFormatter top = new TreeFormatter();
            top.append("bin", FileMode.TREE, inserter.insert(bin));
            top.append("link-to-page.html", FileMode.SYMLINK, blob(inserter, "page.html"));
            top.append("link-to-nowhere", FileMode.SYMLINK, blob(inserter, "/does/not/exist"));
            top.append("page.html", FileMode.REGULAR_FILE, page);
            top.append("vendor-lib", FileMode.GITLINK, ObjectId.fromString("0123456789abcdef0123456789abcdef01234567"));
            commit = commitOnBranch(git, inserter, inserter.insert(top), "develop");
        }
        Path checkout = Files.createDirectories(temp.resolve("checkout"));

        repositories.checkout(id, commit, checkout);

        assertThat(Files.getPosixFilePermissions(checkout.resolve("bin/build.sh")))
                .contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.getPosixFilePermissions(checkout.resolve("page.html")))
                .doesNotContain(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE);
        assertThat(Files.isSymbolicLink(checkout.resolve("link-to-page.html"))).isTrue();
        assertThat(Files.readSymbolicLink(checkout.resolve("link-to-page.html"))).isEqualTo(Path.of("page.html"));
        assertThat(checkout.resolve("link-to-page.html")).hasContent("<p>page</p>");
        assertThat(Files.readSymbolicLink(checkout.resolve("link-to-nowhere"))).isEqualTo(Path.of("/does/not/exist"));
        assertThat(checkout.resolve("vendor-lib")).doesNotExist();
        assertThat(listing(checkout)).containsExactlyInAnyOrder("bin", "link-to-page.html", "link-to-nowhere",
                "page.html");
        assertThat(exitOf(checkout, "./bin/build.sh")).isZero();
    }

    @Test
    void aTreeWithPathsThatLeaveTheCheckoutIsRefusedAndWritesNothingOutside() throws Exception {
        for (String hostile : List.of("..", ".", ".git", ".GIT", "../escape.txt", "/tmp/escape.txt", "a/../../escape")) {
            RepositoryId id = RepositoryId.generate();
            repositories.initialize(id, siteCommit("main"));
            CommitSha commit;
            try (Repository git = open(id); ObjectInserter inserter = git.newObjectInserter()) {
                TreeFormatter top = new TreeFormatter();
                top.append(hostile, FileMode.REGULAR_FILE, blob(inserter, "escaped"));
                commit = commitOnBranch(git, inserter, inserter.insert(top), "main");
            }
            Path checkout = Files.createDirectories(temp.resolve("checkouts").resolve(id.value()).resolve("target"));

            assertThatThrownBy(() -> repositories.checkout(id, commit, checkout))
                    .as("entry named %s", hostile)
                    .isInstanceOf(SourceRepositoryException.class)
                    .hasMessageContaining("would leave the checkout directory");
            assertThat(listing(checkout.getParent())).containsExactly("target");
        }
        assertThat(temp.resolve("escape.txt")).doesNotExist();
    }

    @Test
    void aFileBehindALinkTheSameTreeCreatedIsNeverWrittenThroughIt() throws Exception {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        RepositoryId id = RepositoryId.generate();
        repositories.initialize(id, siteCommit("main"));
        CommitSha commit;
        try (Repository git = open(id); ObjectInserter inserter = git.newObjectInserter()) {
            TreeFormatter inner = new TreeFormatter();
            inner.append("planted.txt", FileMode.REGULAR_FILE, blob(inserter, "planted"));
            TreeFormatter top = new TreeFormatter();
            // Git sorts a tree named "a" as "a/", after a file or link named "a": the link comes first.
            top.append("a", FileMode.SYMLINK, blob(inserter, outside.toString()));
            top.append("a", FileMode.TREE, inserter.insert(inner));
            commit = commitOnBranch(git, inserter, inserter.insert(top), "main");
        }
        Path checkout = Files.createDirectories(temp.resolve("checkout"));

        assertThatThrownBy(() -> repositories.checkout(id, commit, checkout))
                .isInstanceOf(SourceRepositoryException.class)
                .hasMessageContaining("would leave the checkout directory: 'a/planted.txt'");
        assertThat(listing(outside)).isEmpty();
    }

    @Test
    void anAbbreviationSharedByTwoCommitsIsAmbiguous() throws Exception {
        RepositoryId id = RepositoryId.generate();
        repositories.initialize(id, siteCommit("main"));
        List<ObjectId> collision;
        try (Repository git = open(id); ObjectInserter inserter = git.newObjectInserter()) {
            collision = twoCommitsSharingAPrefix(git, inserter);
        }
        String shared = collision.get(0).name().substring(0, 4);

        assertThat(repositories.resolveCommit(id, new CommitSha(shared))).isEmpty();
        for (ObjectId commit : collision) {
            assertThat(repositories.resolveCommit(id, new CommitSha(commit.name().substring(0, 12))))
                    .contains(new CommitSha(commit.name()));
        }
    }

    @Test
    void aHashThatNamesATreeOrBlobIsNotACommit() throws Exception {
        RepositoryId id = RepositoryId.generate();
        CommitSha head = repositories.initialize(id, siteCommit("main"));
        ObjectId tree;
        ObjectId readme;
        try (Repository git = open(id); RevWalk walk = new RevWalk(git)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(head.value()));
            tree = commit.getTree();
            try (ObjectInserter inserter = git.newObjectInserter()) {
                readme = inserter.idFor(Constants.OBJ_BLOB, "# readme\n".getBytes(StandardCharsets.UTF_8));
            }
        }

        assertThat(repositories.resolveCommit(id, new CommitSha(tree.name()))).isEmpty();
        assertThat(repositories.resolveCommit(id, new CommitSha(readme.name()))).isEmpty();
        assertThat(repositories.resolveCommit(id, new CommitSha(readme.name().substring(0, 8)))).isEmpty();
        Path checkout = Files.createDirectories(temp.resolve("checkout"));
        assertThatThrownBy(() -> repositories.checkout(id, new CommitSha(tree.name()), checkout))
                .isInstanceOf(SourceRepositoryException.class);
    }

    @Test
    void aCheckoutIntoAMissingDirectoryFails() {
        RepositoryId id = RepositoryId.generate();
        CommitSha head = repositories.initialize(id, siteCommit("main"));

        assertThatThrownBy(() -> repositories.checkout(id, head, temp.resolve("missing")))
                .isInstanceOf(SourceRepositoryException.class);
    }

    /** Commits with different messages until two share a four-character prefix (about 300 on average). */
    private static List<ObjectId> twoCommitsSharingAPrefix(Repository git, ObjectInserter inserter)
            throws IOException {
        ObjectId emptyTree = inserter.insert(new TreeFormatter());
        Map<String, ObjectId> byPrefix = new HashMap<>();
        for (int i = 0; ; i++) {
            CommitBuilder commit = commitOf(emptyTree, "commit " + i);
            ObjectId id = inserter.insert(commit);
            ObjectId earlier = byPrefix.putIfAbsent(id.name().substring(0, 4), id);
            if (earlier != null) {
                inserter.flush();
                return List.of(earlier, id);
            }
        }
    }

    private Repository open(RepositoryId id) throws IOException {
        return new FileRepositoryBuilder().setGitDir(root.resolve(id.value() + ".git").toFile()).setMustExist(true)
                .build();
    }

    private static ObjectId blob(ObjectInserter inserter, String content) throws IOException {
        return inserter.insert(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8));
    }

    private static CommitBuilder commitOf(ObjectId tree, String message) {
        PersonIdent someone = new PersonIdent("Test", "test@example.test", WHEN, ZoneOffset.UTC);
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        commit.setAuthor(someone);
        commit.setCommitter(someone);
        commit.setMessage(message);
        return commit;
    }

    private static CommitSha commitOnBranch(Repository git, ObjectInserter inserter, ObjectId tree, String branch)
            throws IOException {
        CommitBuilder commit = commitOf(tree, "test commit");
        Ref current = git.exactRef(Constants.R_HEADS + branch);
        if (current != null) {
            commit.setParentId(current.getObjectId());
        }
        ObjectId id = inserter.insert(commit);
        inserter.flush();
        RefUpdate update = git.updateRef(Constants.R_HEADS + branch);
        update.setNewObjectId(id);
        update.setForceUpdate(true);
        assertThat(update.update()).isIn(RefUpdate.Result.NEW, RefUpdate.Result.FAST_FORWARD, RefUpdate.Result.FORCED);
        return new CommitSha(id.name());
    }

    private static List<String> listing(Path directory) {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs the git CLI with no user or system configuration; fails the test unless it exits with 0. */
    private String git(Path directory, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", "/usr/bin:/bin", "HOME", temp.toString(),
                "GIT_CONFIG_NOSYSTEM", "1", "LC_ALL", "C"));
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("git %s: %s", String.join(" ", arguments), output).isZero();
            return output;
        } finally {
            process.destroyForcibly();
        }
    }

    private static int exitOf(Path directory, String program) throws Exception {
        Process process = new ProcessBuilder(program).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return process.exitValue();
        } finally {
            process.destroyForcibly();
        }
    }
}
