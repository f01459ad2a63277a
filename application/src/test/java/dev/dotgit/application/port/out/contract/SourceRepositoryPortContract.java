package dev.dotgit.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.out.source.InitialCommit;
import dev.dotgit.application.port.out.source.SourceFile;
import dev.dotgit.application.port.out.source.SourceRepositoryException;
import dev.dotgit.application.port.out.source.SourceRepositoryPort;
import dev.dotgit.domain.repository.BranchName;
import dev.dotgit.domain.repository.CommitSha;
import dev.dotgit.domain.repository.RepositoryId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link SourceRepositoryPort} must do. Extend it, return the implementation
 * under test from {@link #createPort(Path)}, and the behaviour spec runs against it.
 */
public abstract class SourceRepositoryPortContract {

    protected static final Instant WHEN = Instant.parse("2026-01-01T10:00:00Z");

    @TempDir
    protected Path temp;

    protected SourceRepositoryPort repositories;

    /** The port under test, keeping whatever it stores under {@code directory} (which does not exist yet). */
    protected abstract SourceRepositoryPort createPort(Path directory);

    @BeforeEach
    void createPortUnderTest() {
        repositories = createPort(temp.resolve("repositories"));
    }

    protected static InitialCommit initialCommit(BranchName branch, SourceFile... files) {
        return new InitialCommit(branch, List.of(files), "Initial commit", "dotgit", "dotgit@localhost", WHEN);
    }

    protected static InitialCommit siteCommit() {
        return initialCommit(BranchName.MAIN, file("index.html", "<h1>hello</h1>"), file("README.md", "# site"));
    }

    protected static SourceFile file(String path, String content) {
        return new SourceFile(path, content.getBytes(StandardCharsets.UTF_8));
    }

    protected Path emptyDirectory(String name) throws IOException {
        return Files.createDirectories(temp.resolve("checkouts").resolve(name));
    }

    @Test
    void initializeReturnsTheFullHashOfTheCommitThatHeadsTheBranch() {
        RepositoryId id = RepositoryId.generate();

        CommitSha head = repositories.initialize(id, siteCommit());

        assertThat(head.isFull()).isTrue();
        assertThat(repositories.resolveBranch(id, BranchName.MAIN)).contains(head);
    }

    @Test
    void theCommitsBranchIsTheOnlyBranch() {
        RepositoryId id = RepositoryId.generate();

        CommitSha head = repositories.initialize(id, initialCommit(new BranchName("trunk"), file("a.txt", "a")));

        assertThat(repositories.resolveBranch(id, new BranchName("trunk"))).contains(head);
        assertThat(repositories.resolveBranch(id, BranchName.MAIN)).isEmpty();
        assertThat(repositories.resolveBranch(id, new BranchName("develop"))).isEmpty();
    }

    @Test
    void resolveCommitExpandsTheFullHashAndItsAbbreviations() {
        RepositoryId id = RepositoryId.generate();
        CommitSha head = repositories.initialize(id, siteCommit());

        assertThat(repositories.resolveCommit(id, head)).contains(head);
        assertThat(repositories.resolveCommit(id, new CommitSha(head.abbreviated()))).contains(head);
        assertThat(repositories.resolveCommit(id, new CommitSha(head.value().substring(0, 12)))).contains(head);
    }

    @Test
    void aHashTheRepositoryLacksResolvesToEmpty() {
        RepositoryId id = RepositoryId.generate();
        CommitSha head = repositories.initialize(id, siteCommit());

        assertThat(repositories.resolveCommit(id, new CommitSha(otherHash(head.value())))).isEmpty();
        assertThat(repositories.resolveCommit(id, new CommitSha(otherHash(head.value()).substring(0, 10)))).isEmpty();
    }

    @Test
    void anUnknownRepositoryResolvesNothing() {
        RepositoryId unknown = RepositoryId.generate();

        assertThat(repositories.resolveBranch(unknown, BranchName.MAIN)).isEmpty();
        assertThat(repositories.resolveCommit(unknown, new CommitSha("0123456789abcdef0123456789abcdef01234567")))
                .isEmpty();
        assertThat(repositories.resolveCommit(unknown, new CommitSha("0123"))).isEmpty();
    }

    @Test
    void initializingAnIdThatExistsFailsAndKeepsTheRepository() throws IOException {
        RepositoryId id = RepositoryId.generate();
        CommitSha head = repositories.initialize(id, siteCommit());

        assertThatThrownBy(() -> repositories.initialize(id, initialCommit(BranchName.MAIN, file("other.txt", "x"))))
                .isInstanceOf(SourceRepositoryException.class);

        assertThat(repositories.resolveBranch(id, BranchName.MAIN)).contains(head);
        Path checkout = emptyDirectory("kept");
        repositories.checkout(id, head, checkout);
        assertThat(filesUnder(checkout)).containsExactlyInAnyOrder("index.html", "README.md");
    }

    @Test
    void anInitialCommitWithAPathOutsideTheRepositoryIsRefusedAndCreatesNothing() {
        RepositoryId id = RepositoryId.generate();

        assertThatThrownBy(() -> repositories.initialize(id, initialCommit(BranchName.MAIN,
                file("index.html", "ok"), file("../escape.txt", "no"))))
                .isInstanceOf(SourceRepositoryException.class);

        assertThat(repositories.resolveBranch(id, BranchName.MAIN)).isEmpty();
        assertThat(temp.resolve("escape.txt")).doesNotExist();
        assertThat(repositories.initialize(id, siteCommit()).isFull()).isTrue();
    }

    @Test
    void checkoutWritesEveryFileOfTheCommitWithItsExactContent() throws IOException {
        RepositoryId id = RepositoryId.generate();
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        CommitSha head = repositories.initialize(id, initialCommit(BranchName.MAIN,
                file("index.html", "<h1>héllo</h1>"),
                new SourceFile("assets/img/logo.bin", everyByte),
                file("assets/css/site.css", "body { margin: 0 }"),
                file("empty.txt", "")));
        Path checkout = emptyDirectory("full");

        repositories.checkout(id, head, checkout);

        assertThat(filesUnder(checkout)).containsExactlyInAnyOrder(
                "index.html", "assets/img/logo.bin", "assets/css/site.css", "empty.txt");
        assertThat(checkout.resolve("index.html")).hasContent("<h1>héllo</h1>");
        assertThat(checkout.resolve("assets/img/logo.bin")).hasBinaryContent(everyByte);
        assertThat(checkout.resolve("assets/css/site.css")).hasContent("body { margin: 0 }");
        assertThat(checkout.resolve("empty.txt")).isEmptyFile();
    }

    @Test
    void checkoutOfACommitTheRepositoryLacksFails() throws IOException {
        RepositoryId id = RepositoryId.generate();
        CommitSha head = repositories.initialize(id, siteCommit());
        Path checkout = emptyDirectory("missing-commit");

        assertThatThrownBy(() -> repositories.checkout(id, new CommitSha(otherHash(head.value())), checkout))
                .isInstanceOf(SourceRepositoryException.class);
        assertThat(filesUnder(checkout)).isEmpty();
    }

    @Test
    void checkoutOfAnUnknownRepositoryFails() throws IOException {
        Path checkout = emptyDirectory("missing-repository");

        assertThatThrownBy(() -> repositories.checkout(RepositoryId.generate(),
                new CommitSha("0123456789abcdef0123456789abcdef01234567"), checkout))
                .isInstanceOf(SourceRepositoryException.class);
    }

    @Test
    void repositoriesAreIndependentOfEachOther() throws IOException {
        RepositoryId first = RepositoryId.generate();
        RepositoryId second = RepositoryId.generate();
        CommitSha firstHead = repositories.initialize(first, initialCommit(BranchName.MAIN, file("one.txt", "1")));
        CommitSha secondHead = repositories.initialize(second, initialCommit(BranchName.MAIN, file("two.txt", "2")));

        assertThat(repositories.resolveCommit(second, firstHead)).isEmpty();
        Path checkout = emptyDirectory("second");
        repositories.checkout(second, secondHead, checkout);
        assertThat(filesUnder(checkout)).containsExactly("two.txt");
    }

    @Test
    void deleteRemovesTheRepositoryAndFreesItsId() throws IOException {
        RepositoryId id = RepositoryId.generate();
        CommitSha head = repositories.initialize(id, siteCommit());

        repositories.delete(id);

        assertThat(repositories.resolveBranch(id, BranchName.MAIN)).isEmpty();
        assertThat(repositories.resolveCommit(id, head)).isEmpty();
        Path checkout = emptyDirectory("deleted");
        assertThatThrownBy(() -> repositories.checkout(id, head, checkout))
                .isInstanceOf(SourceRepositoryException.class);
        CommitSha again = repositories.initialize(id, initialCommit(BranchName.MAIN, file("new.txt", "new")));
        assertThat(repositories.resolveBranch(id, BranchName.MAIN)).contains(again);
    }

    @Test
    void deletingAnUnknownRepositoryDoesNothing() {
        RepositoryId kept = RepositoryId.generate();
        CommitSha head = repositories.initialize(kept, siteCommit());

        repositories.delete(RepositoryId.generate());

        assertThat(repositories.resolveBranch(kept, BranchName.MAIN)).contains(head);
    }

    @Test
    void manyThreadsResolveTheSameRepositoryAtOnce() throws Exception {
        RepositoryId id = RepositoryId.generate();
        CommitSha head = repositories.initialize(id, siteCommit());
        CommitSha abbreviated = new CommitSha(head.abbreviated());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> lookups = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                lookups.add(() -> {
                    for (int round = 0; round < 50; round++) {
                        if (!repositories.resolveBranch(id, BranchName.MAIN).equals(Optional.of(head))
                                || !repositories.resolveCommit(id, abbreviated).equals(Optional.of(head))) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            for (Future<Boolean> result : threads.invokeAll(lookups, 60, TimeUnit.SECONDS)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** A hash of the same length that differs from {@code hash} in its first character. */
    protected static String otherHash(String hash) {
        char first = hash.charAt(0) == '0' ? '1' : '0';
        return first + hash.substring(1);
    }

    protected static List<String> filesUnder(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile)
                    .map(p -> directory.relativize(p).toString().replace('\\', '/'))
                    .toList();
        }
    }
}
