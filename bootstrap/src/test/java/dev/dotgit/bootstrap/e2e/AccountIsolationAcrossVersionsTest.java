package dev.dotgit.bootstrap.e2e;

import static dev.dotgit.bootstrap.e2e.support.AccessFixtures.createAccount;
import static dev.dotgit.bootstrap.e2e.support.AccessFixtures.createProject;
import static dev.dotgit.bootstrap.e2e.support.AccessFixtures.deploy;
import static dev.dotgit.bootstrap.e2e.support.AccessFixtures.issueKey;
import static dev.dotgit.bootstrap.e2e.support.AccessFixtures.keyBody;
import static dev.dotgit.bootstrap.e2e.support.AccessFixtures.newestDelivery;
import static dev.dotgit.bootstrap.e2e.support.AccessFixtures.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.bootstrap.e2e.HiddenObjectRoutes.Kind;
import dev.dotgit.bootstrap.e2e.HiddenObjectRoutes.Names;
import dev.dotgit.bootstrap.e2e.support.AccessFixtures.Account;
import dev.dotgit.bootstrap.e2e.support.AccessFixtures.Project;
import dev.dotgit.bootstrap.e2e.support.AccessFixtures.Receiver;
import dev.dotgit.bootstrap.e2e.support.E2eServer;
import dev.dotgit.bootstrap.e2e.support.KeyClient;
import dev.dotgit.bootstrap.e2e.support.KeyClient.Reply;
import dev.dotgit.domain.shared.Ids;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two accounts made through {@code /admin/accounts}, each with a project, a live production and
 * a live preview deployment, a v2 and a v3 webhook with deliveries and a second key. The viewer's
 * admin key names the owner's objects on every object-naming route of v1, v2 and v3 (reads,
 * streams, triggers, cancel, delete, archive, key revocation, webhooks, their deliveries and
 * redelivery): each answers exactly as a made-up id does, lists leave them out, and afterwards
 * nothing of the owner's has changed. {@link AccountIsolationTest} shows the same for v1 in both
 * directions, against v1's golden fixtures.
 */
class AccountIsolationAcrossVersionsTest {

    @RegisterExtension
    static final E2eServer SERVER = E2eServer.sharedOnH2();

    private static Receiver receiver;
    private static Tenant viewer;
    private static Tenant owner;

    /** One account's objects, all made with its own admin key. */
    private record Tenant(Account account, Project project, List<String> deployments, Map<String, String> webhook,
                          Map<String, String> delivery, KeyClient readKey, String serviceAccount,
                          Map<String, Integer> deliveryCount) {

        KeyClient admin() {
            return account.admin();
        }

        Names names(int deployment, Map<String, String> viewerWebhook) {
            return new Names(project.id(), project.name(), project.repositoryId(), deployments.get(deployment), webhook,
                    delivery, readKey.id(), serviceAccount, viewerWebhook);
        }
    }

    @BeforeAll
    static void buildTwoAccounts() {
        receiver = Receiver.start();
        viewer = tenant("iso-viewer");
        owner = tenant("iso-owner");
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    private static Tenant tenant(String base) {
        Account account = createAccount(SERVER.api(), base);
        KeyClient admin = account.admin();
        Project project = createProject(admin, base, null);
        // Subscriptions first, so that the deployments leave deliveries in them.
        Map<String, String> webhook = Map.of(
                "v2", subscribe(admin, "v2", receiver.url(), List.of("deploy.success")),
                "v3", subscribe(admin, "v3", receiver.url(), List.of("deployment.created")));
        List<String> deployments = List.of(deploy(admin, project.id(), "production"),
                deploy(admin, project.id(), "preview"));
        deployments.forEach(id -> SERVER.api().awaitFinalStatus(admin.secret(), id, "success"));
        Map<String, String> delivery = Map.of("v2", newestDelivery(admin, "v2", webhook.get("v2")),
                "v3", newestDelivery(admin, "v3", webhook.get("v3")));
        KeyClient readKey = issueKey(admin, List.of("deploy:read"), List.of(), List.of());
        Reply serviceAccount = admin.post("/v2/service-accounts",
                Map.of("name", base + " robot", "scopes", List.of("deploy:read")));
        assertThat(serviceAccount.status()).as(serviceAccount.describe()).isEqualTo(201);
        return new Tenant(account, project, deployments, webhook, delivery, readKey, serviceAccount.path("id"),
                Map.of("v2", deliveryCount(admin, "v2", webhook.get("v2")),
                        "v3", deliveryCount(admin, "v3", webhook.get("v3"))));
    }

    private static int deliveryCount(KeyClient key, String version, String webhookId) {
        Reply deliveries = key.get("/" + version + "/webhooks/" + webhookId + "/deliveries", Map.of("limit", 100));
        assertThat(deliveries.status()).as(deliveries.describe()).isEqualTo(200);
        return deliveries.<List<?>>path(version.equals("v2") ? "data" : "deliveries").size();
    }

    /** Every route, then a last check that the tries changed nothing of the owner's. */
    @TestFactory
    Stream<DynamicTest> everyObjectOfAnotherAccountAnswersAsAMadeUpIdAndStaysAsItWas() {
        Names madeUp = Names.madeUp(viewer.webhook());
        Stream<DynamicTest> tries = HiddenObjectRoutes.all().stream().flatMap(route -> Stream.of(0, 1)
                .filter(deployment -> route.kind() == Kind.DEPLOYMENT || deployment == 0)
                .map(deployment -> DynamicTest.dynamicTest(route.name() + " on the owner's "
                                + (deployment == 0 ? "production deployment" : "preview deployment"),
                        () -> HiddenObjectRoutes.assertAnswersAsMissing(route, viewer.admin(),
                                owner.names(deployment, viewer.webhook()), madeUp))));
        return Stream.concat(tries, Stream.of(DynamicTest.dynamicTest("nothing of the owner's changed",
                AccountIsolationAcrossVersionsTest::assertOwnerUnchanged)));
    }

    private static void assertOwnerUnchanged() {
        KeyClient admin = owner.admin();
        for (String id : owner.deployments()) {
            Reply deployment = admin.get("/v3/deployments/" + id);
            assertThat(deployment.status()).as(deployment.describe()).isEqualTo(200);
            assertThat(deployment.<String>path("status")).isEqualTo("live");
        }
        assertThat(admin.get("/v1/deployments").<Integer>path("meta.total")).as("no deployment was added")
                .isEqualTo(2);
        assertThat(admin.get("/v3/projects/" + owner.project().id()).<String>path("status")).isEqualTo("active");
        for (String version : List.of("v2", "v3")) {
            String webhookId = owner.webhook().get(version);
            Reply webhook = admin.get("/" + version + "/webhooks/" + webhookId);
            assertThat(webhook.status()).as(webhook.describe()).isEqualTo(200);
            assertThat(deliveryCount(admin, version, webhookId)).as("deliveries of the %s webhook", version)
                    .isEqualTo(owner.deliveryCount().get(version));
        }
        assertThat(owner.readKey().get("/v3/projects").status()).as("the owner's second key still works")
                .isEqualTo(200);
        assertThat(admin.get("/v3/api-keys").<List<String>>path("api_keys.id")).contains(owner.readKey().id());
        assertThat(admin.get("/v2/service-accounts").<List<String>>path("data.id")).as("the owner's service account")
                .contains(owner.serviceAccount());
    }

    @Test
    void listsShowOnlyTheViewersOwnObjects() {
        KeyClient key = viewer.admin();
        assertThat(key.get("/v2/repositories", Map.of("limit", 100)).<List<String>>path("data.id"))
                .containsExactly(viewer.project().repositoryId());
        Reply ownersRepositories = key.get("/v2/repositories", Map.of("owner", owner.account().slug()));
        assertThat(ownersRepositories.status()).as(ownersRepositories.describe()).isEqualTo(200);
        assertThat(ownersRepositories.<List<?>>path("data")).isEmpty();
        assertThat(key.get("/v2/deployments", Map.of("limit", 100)).<List<String>>path("data.id"))
                .containsExactlyInAnyOrderElementsOf(viewer.deployments());
        assertThat(key.get("/v3/projects", Map.of("limit", 100)).<List<String>>path("projects.id"))
                .containsExactly(viewer.project().id());
        assertThat(key.get("/v3/api-keys", Map.of("limit", 100)).<List<String>>path("api_keys.id"))
                .containsExactlyInAnyOrder(viewer.account().admin().id(), viewer.readKey().id());
        assertThat(key.get("/v2/service-accounts", Map.of("limit", 100)).<List<String>>path("data.id"))
                .containsExactly(viewer.serviceAccount());
        for (String version : List.of("v2", "v3")) {
            String items = version.equals("v2") ? "data" : "webhooks";
            List<String> webhooks = key.get("/" + version + "/webhooks", Map.of("limit", 100)).path(items + ".id");
            assertThat(webhooks).as("%s webhooks", version).contains(viewer.webhook().get(version))
                    .doesNotContainAnyElementsOf(owner.webhook().values());
            List<String> deliveries = key.get("/" + version + "/webhooks/" + viewer.webhook().get(version)
                    + "/deliveries", Map.of("limit", 100)).path((version.equals("v2") ? "data" : "deliveries") + ".id");
            assertThat(deliveries).as("%s deliveries", version).isNotEmpty()
                    .doesNotContainAnyElementsOf(owner.delivery().values());
        }
    }

    /** A key cannot be restricted to another account's project: refused exactly as a made-up project id. */
    @Test
    void aKeyCannotNameAnotherAccountsProject() {
        String madeUp = Ids.newId("proj");
        Reply forMadeUp = viewer.admin().post("/v3/api-keys",
                keyBody(List.of("deploy:read"), List.of(madeUp), List.of()));
        Reply forOwners = viewer.admin().post("/v3/api-keys",
                keyBody(List.of("deploy:read"), List.of(owner.project().id()), List.of()));
        assertThat(forMadeUp.status()).as(forMadeUp.describe()).isEqualTo(400);
        assertThat(forMadeUp.<String>path("error.details.field")).isEqualTo("project_ids");
        assertThat(forOwners.status()).as(forOwners.describe()).isEqualTo(400);
        assertThat(forOwners.bodyWithout(Map.of(owner.project().id(), "<project>")))
                .isEqualTo(forMadeUp.bodyWithout(Map.of(madeUp, "<project>")));
    }

    @Test
    void theTableCoversEveryRouteThatNamesAnObject() {
        HiddenObjectRoutes.assertTableCoversEveryObjectRoute(SERVER);
    }
}
