package dev.dotgit.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.dotgit.bootstrap.e2e.support.Api;
import dev.dotgit.bootstrap.e2e.support.E2eServer;
import dev.dotgit.bootstrap.e2e.support.ServerSettings;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Git over smart HTTP with the real {@code git} client: clone a repository made through v2 at
 * its clone_url with an API key as the password, push a change, deploy the pushed commit and
 * see it served; a read-only key may clone but not push, a wrong key is asked to authenticate,
 * and a v3 subscription to {@code repository.pushed} receives the push, signed.
 */
class GitHttpTest {

    @RegisterExtension
    static final E2eServer SERVER = E2eServer.sharedOnH2();

    private static final Duration GIT_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private record Received(String id, String timestamp, String signature, String body) {
    }

    private record Run(int exit, String output) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        receiver.createContext("/pushes", exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String url(String key, String fullName) {
        return "http://x:" + key + "@127.0.0.1:" + SERVER.api().port() + "/" + fullName + ".git";
    }

    /** The git client alone: no user or system configuration, no prompt, loopback only. */
    private Run git(Path directory, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Tester", "-c",
                "user.email=tester@localhost", "-c", "init.defaultBranch=main", "-c", "credential.helper="));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        Path home = Files.createDirectories(temp.resolve("home"));
        builder.environment().put("HOME", home.toString());
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("GIT_ASKPASS", "/bin/false");
        builder.environment().remove("GIT_DIR");
        Process process = builder.start();
        if (!process.waitFor(GIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("git " + String.join(" ", arguments) + " did not finish");
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }

    private Run gitOk(Path directory, String... arguments) throws Exception {
        Run run = git(directory, arguments);
        assertThat(run.exit()).as("git " + String.join(" ", arguments) + ":\n" + run.output()).isZero();
        return run;
    }

    private static String readOnlyKey(Api api) {
        Response created = api.admin().contentType(ContentType.JSON).body(Api.json(Map.of("name",
                "git-reader", "scopes", List.of("deploy:read")))).post("/v3/api-keys");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created.path("secret");
    }

    @Test
    void cloneCommitPushDeployAndReceiveThePushEvent() throws Exception {
        Api api = SERVER.api();
        String name = "git-" + ServerSettings.randomAlphanumeric(8).toLowerCase();
        Response repository = api.admin().contentType(ContentType.JSON)
                .body(Api.json(Map.of("name", name, "owner", "default"))).post("/v2/repositories");
        assertThat(repository.statusCode()).as(repository.asString()).isEqualTo(201);
        String repoId = repository.path("id");
        assertThat(repository.<String>path("clone_url")).endsWith("/default/" + name + ".git");

        Response hook = api.admin().contentType(ContentType.JSON).body(Api.json(Map.of(
                "url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/pushes",
                "events", List.of("repository.pushed")))).post("/v3/webhooks");
        assertThat(hook.statusCode()).as(hook.asString()).isEqualTo(201);
        String webhookId = hook.path("id");
        byte[] signingKey = Base64.getDecoder().decode(hook.<String>path("secret").substring("whsec_".length()));
        try {
            // Clone with the admin key as the password, change index.html, push.
            String key = api.bootstrapKey();
            gitOk(temp, "clone", url(key, "default/" + name), "work");
            Path work = temp.resolve("work");
            String initial = gitOk(work, "rev-parse", "HEAD").output().strip();
            assertThat(Files.readString(work.resolve("index.html"))).isNotBlank();
            Files.writeString(work.resolve("index.html"), "<h1>pushed over git</h1>\n");
            // More than the API's 1 MiB body limit, which pushes are not held to.
            byte[] large = new byte[3 * 1024 * 1024];
            new SecureRandom().nextBytes(large);
            Files.write(work.resolve("large.bin"), large);
            gitOk(work, "add", "-A");
            gitOk(work, "commit", "-m", "Change the page");
            String pushed = gitOk(work, "rev-parse", "HEAD").output().strip();
            gitOk(work, "push", "origin", "main");

            // The pushed commit deploys like any other: v2 by repository, v3 shows the commit.
            Response deployed = api.admin().contentType(ContentType.JSON).body(Api.json(Map.of("repo_id", repoId,
                    "branch", "main", "env", "production"))).post("/v2/deployments");
            assertThat(deployed.statusCode()).as(deployed.asString()).isEqualTo(201);
            String deploymentId = deployed.path("id");
            await("the deployment to go live").atMost(Api.DEPLOYMENT_TIMEOUT).until(() ->
                    "live".equals(api.admin().get("/v3/deployments/" + deploymentId).path("status")));
            assertThat(api.admin().get("/v3/deployments/" + deploymentId).<String>path("commit_sha"))
                    .isEqualTo(pushed);
            Response page = api.siteAt(deployed.path("url")).get("/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.asString()).isEqualTo("<h1>pushed over git</h1>\n");

            // A fresh clone (by a read-only key) sees the push; that key may not push.
            String reader = readOnlyKey(api);
            gitOk(temp, "clone", url(reader, "default/" + name), "read");
            Path read = temp.resolve("read");
            assertThat(gitOk(read, "rev-parse", "HEAD").output().strip()).isEqualTo(pushed);
            Files.writeString(read.resolve("index.html"), "not allowed");
            gitOk(read, "commit", "-am", "Try to push with a read-only key");
            Run refused = git(read, "push", "origin", "main");
            assertThat(refused.exit()).isNotZero();
            assertThat(refused.output()).contains("403");

            // A wrong key is asked to authenticate, as git expects.
            Run wrong = git(temp, "clone", url("gsk_live_wrong", "default/" + name), "wrong");
            assertThat(wrong.exit()).isNotZero();
            assertThat(wrong.output()).containsIgnoringCase("authentication failed");
            Response challenge = api.anonymous().queryParam("service", "git-upload-pack")
                    .get("/default/" + name + ".git/info/refs");
            assertThat(challenge.statusCode()).isEqualTo(401);
            assertThat(challenge.header("WWW-Authenticate")).startsWith("Basic realm=\"dotgit\"");
            // Another account's view of this repository, and a name that does not exist: 404 alike.
            assertThat(git(temp, "ls-remote", url(key, "default/nope-" + name)).output()).contains("not found");

            // The push event: signed the Standard Webhooks way, naming the ref and both commits.
            await("the push event").atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
            Thread.sleep(300);
            assertThat(received).hasSize(1);
            Received event = received.get(0);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            assertThat(event.signature()).isEqualTo("v1," + Base64.getEncoder().encodeToString(mac.doFinal(
                    (event.id() + "." + event.timestamp() + "." + event.body()).getBytes(StandardCharsets.UTF_8))));
            JsonPath json = JsonPath.from(event.body());
            assertThat(json.getString("type")).isEqualTo("repository.pushed");
            assertThat(json.getString("api_version")).isEqualTo("v3");
            assertThat(json.getMap("data")).containsOnlyKeys("repository_id", "full_name", "ref", "before", "after",
                    "pushed_by");
            assertThat(json.getString("data.repository_id")).isEqualTo(repoId);
            assertThat(json.getString("data.full_name")).isEqualTo("default/" + name);
            assertThat(json.getString("data.ref")).isEqualTo("refs/heads/main");
            assertThat(json.getString("data.before")).isEqualTo(initial);
            assertThat(json.getString("data.after")).isEqualTo(pushed);
            assertThat(json.getString("data.pushed_by")).startsWith("key_");
        } finally {
            api.admin().delete("/v3/webhooks/" + webhookId);
        }
    }

    @Test
    void deletingTheDefaultBranchIsRefusedAndGarbageIsABadRequest() throws Exception {
        Api api = SERVER.api();
        String name = "git-" + ServerSettings.randomAlphanumeric(8).toLowerCase();
        Response repository = api.admin().contentType(ContentType.JSON)
                .body(Api.json(Map.of("name", name, "owner", "default"))).post("/v2/repositories");
        assertThat(repository.statusCode()).as(repository.asString()).isEqualTo(201);
        String key = api.bootstrapKey();
        gitOk(temp, "clone", url(key, "default/" + name), "work");
        Path work = temp.resolve("work");

        Run deleted = git(work, "push", "origin", ":main");
        assertThat(deleted.exit()).isNotZero();
        assertThat(deleted.output()).contains("refusing to delete the default branch");
        gitOk(work, "push", "origin", "main:feature");
        gitOk(work, "push", "origin", ":feature");

        Response garbage = api.as(key).contentType("application/x-git-upload-pack-request")
                .body("not git at all".getBytes(StandardCharsets.UTF_8)).post("/default/" + name + ".git/git-upload-pack");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.contentType()).startsWith("text/plain");
        Response wrongType = api.as(key).contentType(ContentType.JSON).body("{}")
                .post("/default/" + name + ".git/git-receive-pack");
        assertThat(wrongType.statusCode()).isEqualTo(415);
        Response dumb = api.as(key).get("/default/" + name + ".git/info/refs");
        assertThat(dumb.statusCode()).isEqualTo(403);
        Response advertisement = api.as(key).queryParam("service", "git-upload-pack")
                .get("/default/" + name + ".git/info/refs");
        assertThat(advertisement.statusCode()).isEqualTo(200);
        assertThat(advertisement.contentType()).isEqualTo("application/x-git-upload-pack-advertisement");
        assertThat(advertisement.header("Cache-Control")).contains("no-cache");
        assertThat(advertisement.asString()).startsWith("001e# service=git-upload-pack\n0000");
    }
}
