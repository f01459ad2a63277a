package dev.dotgit.adapter.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dotgit.application.port.out.git.GitProtocolException;
import dev.dotgit.application.port.out.git.PushRules;
import dev.dotgit.application.port.out.git.RefUpdate;
import dev.dotgit.application.port.out.git.ServeGitProtocolPort.GitService;
import dev.dotgit.application.port.out.source.InitialCommit;
import dev.dotgit.application.port.out.source.SourceFile;
import dev.dotgit.application.port.out.source.SourceRepositoryException;
import dev.dotgit.domain.repository.BranchName;
import dev.dotgit.domain.repository.CommitSha;
import dev.dotgit.domain.repository.RepositoryId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protocol port against real repositories, driven by a real git client (JGit's) over a
 * minimal smart-HTTP front on loopback, which does no more than the HTTP adapter: pick the
 * service from the path and hand the streams over.
 */
class JGitGitProtocolTest {

    @TempDir
    Path temp;
    Path root;
    JGitSourceRepositories repositories;
    JGitGitProtocol protocol;
    RepositoryId id;
    CommitSha initial;
    HttpServer server;
    final List<RefUpdate> pushed = new CopyOnWriteArrayList<>();
    final PushRules rules = new PushRules("refs/heads/main");

    @BeforeEach
    void setUp() throws IOException {
        root = temp.resolve("repositories");
        repositories = new JGitSourceRepositories(root);
        protocol = new JGitGitProtocol(root);
        id = RepositoryId.generate();
        initial = repositories.initialize(id, new InitialCommit(BranchName.MAIN,
                List.of(new SourceFile("index.html", "<h1>v1</h1>".getBytes(StandardCharsets.UTF_8))), "Initial",
                "dotgit", "dotgit@localhost", Instant.parse("2026-01-01T00:00:00Z")));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = String.valueOf(exchange.getRequestURI().getQuery());
        InputStream in = exchange.getRequestBody();
        if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        try (exchange) {
            if (path.endsWith("/info/refs")) {
                GitService service = query.contains("git-receive-pack") ? GitService.RECEIVE_PACK
                        : GitService.UPLOAD_PACK;
                exchange.getResponseHeaders().set("Content-Type",
                        "application/x-" + service.wireName() + "-advertisement");
                exchange.sendResponseHeaders(200, 0);
                protocol.advertise(id, service, exchange.getResponseBody());
            } else if (path.endsWith("/git-upload-pack")) {
                exchange.getResponseHeaders().set("Content-Type", "application/x-git-upload-pack-result");
                exchange.sendResponseHeaders(200, 0);
                protocol.uploadPack(id, in, exchange.getResponseBody());
            } else {
                exchange.getResponseHeaders().set("Content-Type", "application/x-git-receive-pack-result");
                exchange.sendResponseHeaders(200, 0);
                pushed.addAll(protocol.receivePack(id, rules, in, exchange.getResponseBody()));
            }
        }
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/acme/web.git";
    }

    private Git cloneInto(String name) throws Exception {
        return Git.cloneRepository().setURI(url()).setDirectory(temp.resolve(name).toFile()).call();
    }

    private static RevCommit commit(Git git, String file, String content) throws Exception {
        Files.writeString(git.getRepository().getWorkTree().toPath().resolve(file), content);
        git.add().addFilepattern(file).call();
        return git.commit().setMessage("change " + file).setAuthor("t", "t@localhost").setCommitter("t", "t@localhost")
                .call();
    }

    private static RemoteRefUpdate push(Git git, String refSpec) throws Exception {
        Iterable<PushResult> results = git.push().setRefSpecs(new RefSpec(refSpec)).call();
        return results.iterator().next().getRemoteUpdates().iterator().next();
    }

    @Test
    void aCloneGetsTheRepositoryWithItsDefaultBranch() throws Exception {
        try (Git clone = cloneInto("clone")) {
            assertThat(clone.getRepository().resolve("HEAD").name()).isEqualTo(initial.value());
            assertThat(clone.getRepository().getBranch()).isEqualTo("main");
            assertThat(Files.readString(clone.getRepository().getWorkTree().toPath().resolve("index.html")))
                    .isEqualTo("<h1>v1</h1>");
        }
    }

    @Test
    void aPushMovesTheRefsAndReportsEachUpdateWithItsBeforeAndAfter() throws Exception {
        try (Git clone = cloneInto("clone")) {
            RevCommit second = commit(clone, "index.html", "<h1>v2</h1>");

            assertThat(push(clone, "main:main").getStatus()).isEqualTo(RemoteRefUpdate.Status.OK);
            assertThat(push(clone, "main:refs/heads/develop").getStatus()).isEqualTo(RemoteRefUpdate.Status.OK);

            assertThat(pushed).containsExactly(
                    new RefUpdate("refs/heads/main", initial.value(), second.name()),
                    new RefUpdate("refs/heads/develop", RefUpdate.ZERO_ID, second.name()));
            assertThat(repositories.resolveBranch(id, BranchName.MAIN)).contains(new CommitSha(second.name()));
            // What the next clone (and a build's checkout) sees.
            Path checkout = Files.createDirectory(temp.resolve("checkout"));
            repositories.checkout(id, new CommitSha(second.name()), checkout);
            assertThat(Files.readString(checkout.resolve("index.html"))).isEqualTo("<h1>v2</h1>");
        }
        try (Git fetcher = cloneInto("again")) {
            RevCommit third = commit(fetcher, "about.html", "about");
            push(fetcher, "main:main");
            fetcher.fetch().call();
            assertThat(fetcher.getRepository().resolve("origin/main")).isEqualTo(third.getId());
        }
    }

    @Test
    void deletingTheDefaultBranchIsRefusedWithAReasonWhileOtherBranchesMayGo() throws Exception {
        try (Git clone = cloneInto("clone")) {
            push(clone, "main:refs/heads/old");
            pushed.clear();

            RemoteRefUpdate main = push(clone, ":refs/heads/main");
            RemoteRefUpdate old = push(clone, ":refs/heads/old");

            assertThat(main.getStatus()).isEqualTo(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);
            assertThat(main.getMessage()).contains("refusing to delete the default branch");
            assertThat(old.getStatus()).isEqualTo(RemoteRefUpdate.Status.OK);
            assertThat(pushed).containsExactly(new RefUpdate("refs/heads/old", initial.value(), RefUpdate.ZERO_ID));
            assertThat(repositories.resolveBranch(id, BranchName.MAIN)).contains(initial);
        }
    }

    @Test
    void aPushGitRejectsReportsNothingAsUpdated() throws Exception {
        try (Git first = cloneInto("first"); Git second = cloneInto("second")) {
            commit(first, "a.txt", "a");
            push(first, "main:main");
            pushed.clear();
            commit(second, "b.txt", "b");

            RemoteRefUpdate stale = push(second, "main:main");

            assertThat(stale.getStatus()).isEqualTo(RemoteRefUpdate.Status.REJECTED_NONFASTFORWARD);
            assertThat(pushed).isEmpty();
        }
    }

    @Test
    void theAdvertisementOpensWithTheServiceLineAndListsTheBranches() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        protocol.advertise(id, GitService.RECEIVE_PACK, out);

        String text = out.toString(StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("001f# service=git-receive-pack\n0000");
        assertThat(text).contains(initial.value() + " refs/heads/main");
        assertThat(text).contains("report-status").endsWith("0000");
    }

    @Test
    void garbageIsAProtocolErrorAndAMissingRepositoryIsARepositoryError() {
        byte[] garbage = "this is not git\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> protocol.uploadPack(id, new ByteArrayInputStream(garbage),
                OutputStream.nullOutputStream())).isInstanceOf(GitProtocolException.class);
        assertThatThrownBy(() -> protocol.receivePack(id, rules, new ByteArrayInputStream(garbage),
                OutputStream.nullOutputStream())).isInstanceOf(GitProtocolException.class);
        // A request without wants is a client that wants nothing: it gets nothing.
        ByteArrayOutputStream nothing = new ByteArrayOutputStream();
        protocol.uploadPack(id, new ByteArrayInputStream(new byte[0]), nothing);
        assertThat(nothing.size()).isZero();

        assertThatThrownBy(() -> protocol.advertise(RepositoryId.generate(), GitService.UPLOAD_PACK,
                OutputStream.nullOutputStream())).isInstanceOf(SourceRepositoryException.class);
        assertThat(ObjectId.zeroId().name()).isEqualTo(RefUpdate.ZERO_ID);
    }
}
