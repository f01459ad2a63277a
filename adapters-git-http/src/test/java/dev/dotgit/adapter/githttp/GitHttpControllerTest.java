package dev.dotgit.adapter.githttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.application.port.in.apikey.CreateApiKeyCommand;
import dev.dotgit.application.port.in.auth.AuthenticateCallerUseCase;
import dev.dotgit.application.port.in.git.FetchRepositoryUseCase;
import dev.dotgit.application.port.in.git.PushRepositoryUseCase;
import dev.dotgit.application.port.in.project.CreateProjectCommand;
import dev.dotgit.application.port.out.git.RefUpdate;
import dev.dotgit.application.testing.TestPlatform;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import io.micronaut.context.annotation.Factory;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The HTTP side of git alone, over the real use cases on fakes (the protocol itself is the git
 * adapter's; here it writes markers): routes, media types, credentials, and every refusal as a
 * plain-text status git can show.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GitHttpControllerTest {

    @Factory
    static class Beans {
        static final TestPlatform PLATFORM = newPlatform();

        private static TestPlatform newPlatform() {
            try {
                return new TestPlatform(Files.createTempDirectory("git-http-workspaces"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Singleton
        AuthenticateCallerUseCase authenticate() {
            return PLATFORM.authenticateCaller;
        }

        @Singleton
        FetchRepositoryUseCase fetch() {
            return PLATFORM.fetchRepository;
        }

        @Singleton
        PushRepositoryUseCase push() {
            return PLATFORM.pushRepository;
        }
    }

    @Inject
    EmbeddedServer server;

    final HttpClient http = HttpClient.newHttpClient();
    final TestPlatform platform = Beans.PLATFORM;
    String admin;
    String reader;
    String repositoryId;

    @BeforeAll
    void setUp() {
        var account = platform.newAccount("acme");
        admin = account.secret().reveal();
        Caller caller = account.adminKey().asCaller();
        repositoryId = platform.createProject.create(caller, CreateProjectCommand.of("web", null, null, null, null))
                .project().repository().value();
        reader = platform.createApiKey.create(caller, new CreateApiKeyCommand("reader", Set.of(Scope.READ), Set.of(),
                Set.of(), Optional.empty())).secret();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String authorization, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .POST(BodyPublishers.ofString(body)).header("Content-Type", contentType);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theAdvertisementIsStreamedWithGitsMediaTypeAndNoCaching() throws Exception {
        HttpResponse<String> refs = get("/acme/web.git/info/refs?service=git-upload-pack", basic("x", reader));

        assertThat(refs.statusCode()).isEqualTo(200);
        assertThat(refs.headers().firstValue("Content-Type")).contains("application/x-git-upload-pack-advertisement");
        assertThat(refs.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache");
        assertThat(refs.body()).isEqualTo("refs of " + repositoryId);
    }

    @Test
    void theKeyIsAcceptedAsBasicPasswordAsBasicUserNameOrAsBearer() throws Exception {
        String path = "/acme/web.git/info/refs?service=git-upload-pack";
        assertThat(get(path, basic("anyone", admin)).statusCode()).isEqualTo(200);
        assertThat(get(path, basic(admin, "")).statusCode()).isEqualTo(200);
        assertThat(get(path, "Bearer " + admin).statusCode()).isEqualTo(200);
    }

    @Test
    void missingOrWrongCredentialsAreAChallengeGitAnswersWithAPrompt() throws Exception {
        for (String authorization : new String[] {null, basic("x", "gsk_live_wrong"), "Basic !!!", "Digest x"}) {
            HttpResponse<String> refused = get("/acme/web.git/info/refs?service=git-upload-pack", authorization);
            assertThat(refused.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).contains(
                    "Basic realm=\"dotgit\", charset=\"UTF-8\"");
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        }
    }

    @Test
    void unknownForeignAndMalformedRepositoriesAreAll404() throws Exception {
        String other = platform.newAccount("other").secret().reveal();
        for (String path : List.of("/acme/nope.git", "/acme/web", "/acme/.git", "/Bad!/web.git")) {
            assertThat(get(path + "/info/refs?service=git-upload-pack", basic("x", admin)).statusCode())
                    .as(path).isEqualTo(404);
        }
        HttpResponse<String> foreign = get("/acme/web.git/info/refs?service=git-upload-pack", basic("x", other));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo("Repository not found.\n");
    }

    @Test
    void aReadOnlyKeyMayFetchButNotPush() throws Exception {
        HttpResponse<String> fetched = post("/acme/web.git/git-upload-pack", basic("x", reader),
                "application/x-git-upload-pack-request", "0000");
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.headers().firstValue("Content-Type")).contains("application/x-git-upload-pack-result");

        assertThat(get("/acme/web.git/info/refs?service=git-receive-pack", basic("x", reader)).statusCode())
                .isEqualTo(403);
        HttpResponse<String> push = post("/acme/web.git/git-receive-pack", basic("x", reader),
                "application/x-git-receive-pack-request", "0000");
        assertThat(push.statusCode()).isEqualTo(403);
        assertThat(push.body()).contains("deploy:write");
    }

    @Test
    void aPushAnswersGitsResultAndTheUseCaseSeesTheRefs() throws Exception {
        platform.git.pushWillUpdate(new RefUpdate("refs/heads/main", "a".repeat(40), "b".repeat(40)));
        HttpResponse<String> pushed = post("/acme/web.git/git-receive-pack", basic("x", admin),
                "application/x-git-receive-pack-request", "0000");

        assertThat(pushed.statusCode()).isEqualTo(200);
        assertThat(pushed.headers().firstValue("Content-Type")).contains("application/x-git-receive-pack-result");
        assertThat(pushed.body()).isEqualTo("ok");
    }

    @Test
    void theDumbProtocolAWrongContentTypeAndAWrongMethodAreRefusedInPlainText() throws Exception {
        HttpResponse<String> dumb = get("/acme/web.git/info/refs", basic("x", admin));
        assertThat(dumb.statusCode()).isEqualTo(403);
        assertThat(dumb.body()).contains("smart HTTP");
        HttpResponse<String> json = post("/acme/web.git/git-upload-pack", basic("x", admin), "application/json",
                "{}");
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    }
}
