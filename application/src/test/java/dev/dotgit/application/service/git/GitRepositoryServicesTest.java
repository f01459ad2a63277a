package dev.dotgit.application.service.git;

import static dev.dotgit.application.testing.TestData.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.application.port.in.git.GitRepositoryPath;
import dev.dotgit.application.port.in.project.CreateProjectCommand;
import dev.dotgit.application.port.in.webhook.CreateWebhookCommand;
import dev.dotgit.application.port.out.git.RefUpdate;
import dev.dotgit.application.testing.PlatformTest;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.error.InsufficientScope;
import dev.dotgit.domain.error.NotFound;
import dev.dotgit.domain.project.ProjectOverview;
import dev.dotgit.domain.webhook.PushSnapshot;
import dev.dotgit.domain.webhook.WebhookApiVersion;
import dev.dotgit.domain.webhook.WebhookEvent;
import dev.dotgit.domain.webhook.WebhookEventType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Clone, fetch and push authorisation, and the push events, on fakes. */
class GitRepositoryServicesTest extends PlatformTest {

    static final String A = "a".repeat(40);
    static final String B = "b".repeat(40);
    static final String C = "c".repeat(40);

    Caller admin;
    ProjectOverview web;
    GitRepositoryPath webPath;

    @BeforeEach
    void setUp() {
        admin = platform.adminOf("acme");
        web = platform.createProject.create(admin, CreateProjectCommand.of("web", null, null, null, null));
        webPath = new GitRepositoryPath("acme", "web");
    }

    private Caller key(Scope scope) {
        return platform.register(anApiKey().of(new AccountSlug("acme")).scopes(scope).build());
    }

    private static ByteArrayInputStream nothing() {
        return new ByteArrayInputStream(new byte[0]);
    }

    private String fetch(Caller caller, GitRepositoryPath path) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        platform.fetchRepository.fetch(caller, path, nothing(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private int push(Caller caller) {
        return platform.pushRepository.push(caller, webPath, nothing(), new ByteArrayOutputStream());
    }

    private List<WebhookEvent> events() {
        return platform.store.events().stream()
                .sorted(Comparator.comparingLong(WebhookEvent::sequence).thenComparing(e -> e.type().name())).toList();
    }

    @Test
    void aReadKeyClonesAndFetchesTheRepositoryTheUrlNames() {
        Caller reader = key(Scope.READ);
        ByteArrayOutputStream refs = new ByteArrayOutputStream();
        platform.fetchRepository.advertiseRefs(reader, webPath, refs);

        assertThat(refs.toString(StandardCharsets.UTF_8)).isEqualTo("refs of " + web.project().repository().value());
        assertThat(fetch(reader, webPath)).isEqualTo("pack of " + web.project().repository().value());
        assertThat(platform.git.calls).extracting(c -> c.what())
                .containsExactly("advertise git-upload-pack", "upload-pack");
    }

    @Test
    void missingForeignAndMalformedRepositoriesAreAllNotFoundAndNothingIsRun() {
        Caller other = platform.adminOf("other");
        assertThatThrownBy(() -> fetch(other, webPath)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> fetch(other, new GitRepositoryPath("other", "web"))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> fetch(admin, new GitRepositoryPath("acme", "nope"))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> fetch(admin, new GitRepositoryPath("ACME!", "web"))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> platform.pushRepository.advertiseRefs(other, webPath, new ByteArrayOutputStream()))
                .isInstanceOf(NotFound.class);
        assertThat(platform.git.calls).isEmpty();
    }

    @Test
    void aKeyRestrictedToOtherProjectsDoesNotSeeTheRepository() {
        ProjectOverview api = platform.createProject.create(admin, CreateProjectCommand.of("api", null, null, null,
                null));
        Caller apiOnly = platform.register(anApiKey().of(new AccountSlug("acme")).scopes(Scope.WRITE)
                .restrictedTo(api.project().id()).build());

        assertThatThrownBy(() -> fetch(apiOnly, webPath)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> push(apiOnly)).isInstanceOf(NotFound.class);
        assertThat(fetch(apiOnly, new GitRepositoryPath("acme", "api"))).startsWith("pack of ");
    }

    @Test
    void pushingNeedsWriteAndAReadKeyIsRefusedBeforeGitRuns() {
        Caller reader = key(Scope.READ);
        assertThatThrownBy(() -> platform.pushRepository.advertiseRefs(reader, webPath, new ByteArrayOutputStream()))
                .isInstanceOf(InsufficientScope.class);
        assertThatThrownBy(() -> push(reader)).isInstanceOf(InsufficientScope.class);
        assertThat(platform.git.calls).isEmpty();

        platform.git.pushWillUpdate(new RefUpdate("refs/heads/main", A, B));
        assertThat(push(key(Scope.WRITE))).isEqualTo(1);
        assertThat(platform.git.calls.get(0).rules().undeletableRef()).isEqualTo("refs/heads/main");
    }

    @Test
    void aPushRecordsOneEventPerUpdatedRefForEachSubscribedVersion() {
        platform.createWebhook.create(admin, new CreateWebhookCommand(WebhookApiVersion.V3,
                "https://hooks.example.com/v3", List.of("repository.pushed")));
        platform.createWebhook.create(admin, new CreateWebhookCommand(WebhookApiVersion.V2,
                "https://hooks.example.com/v2", List.of("repo.push")));
        platform.git.pushWillUpdate(new RefUpdate("refs/heads/main", A, B),
                new RefUpdate("refs/heads/develop", RefUpdate.ZERO_ID, C));

        Caller writer = key(Scope.WRITE);
        assertThat(push(writer)).isEqualTo(2);

        List<WebhookEvent> events = events();
        assertThat(events).extracting(WebhookEvent::type).containsExactly(WebhookEventType.REPOSITORY_PUSHED,
                WebhookEventType.REPO_PUSH, WebhookEventType.REPOSITORY_PUSHED, WebhookEventType.REPO_PUSH);
        assertThat(events).extracting(WebhookEvent::sequence).containsExactly(1L, 1L, 2L, 2L);
        PushSnapshot main = events.get(0).push();
        assertThat(main).isEqualTo(new PushSnapshot(web.project().repository().value(), "acme/web",
                "refs/heads/main", A, B, writer.principal()));
        assertThat(events.get(2).push().before()).isEqualTo(PushSnapshot.ZERO_ID);
        assertThat(platform.store.deliveryJobs().size()).isEqualTo(4);
        assertThat(events).allSatisfy(e -> assertThat(e.deployment()).isNull());

        // The next push continues the repository's sequence.
        platform.git.pushWillUpdate(new RefUpdate("refs/heads/main", B, A));
        push(writer);
        assertThat(events()).extracting(WebhookEvent::sequence).contains(3L);
    }

    @Test
    void onlySubscriptionsThatWantPushEventsGetThemAndAPushNobodyHearsRecordsNothing() {
        platform.createWebhook.create(admin, new CreateWebhookCommand(WebhookApiVersion.V3,
                "https://hooks.example.com/v3", List.of("deployment.created")));
        platform.git.pushWillUpdate(new RefUpdate("refs/heads/main", A, B));

        push(admin);

        assertThat(events()).isEmpty();
    }

    @Test
    void deletingTheDefaultBranchIsRefusedSoItRaisesNoEventButOtherDeletionsDo() {
        platform.createWebhook.create(admin, new CreateWebhookCommand(WebhookApiVersion.V3,
                "https://hooks.example.com/v3", List.of("repository.pushed")));
        platform.git.pushWillUpdate(new RefUpdate("refs/heads/main", A, RefUpdate.ZERO_ID),
                new RefUpdate("refs/heads/old", A, RefUpdate.ZERO_ID));

        assertThat(push(admin)).isEqualTo(1);

        assertThat(events()).extracting(e -> e.push().ref()).containsExactly("refs/heads/old");
    }
}
