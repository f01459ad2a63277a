package dev.dotgit.adapter.rest.v3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v3.golden.GoldenJson;
import dev.dotgit.adapter.rest.v3.support.V3Api;
import dev.dotgit.adapter.rest.v3.support.V3Spec;
import dev.dotgit.application.port.in.webhook.CreateWebhookCommand;
import dev.dotgit.application.port.out.webhook.OutgoingWebhook;
import dev.dotgit.application.testing.ScriptedWebhookSender;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.webhook.WebhookApiVersion;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /v3/webhooks}: subscribe (secret once), list (every version's subscriptions), get,
 * delete, deliveries with their attempts and a status filter, redeliver with the same event id;
 * deploy:admin only, foreign ids 404, strict bodies, SSRF refusals on {@code url}.
 *
 * <p>Deliveries are made by {@code platform.runDueDeliveries()} through the scripted sender,
 * which is shared by the whole test server: a test that scripts answers first drains whatever
 * other tests left due.
 */
abstract class WebhookRoutesSpec extends V3Spec {

    private static final String HOOKS = "/v3/webhooks";

    WebhookRoutesSpec(Supplier<V3Api> server) {
        super(server);
    }

    private Response subscribe(String body) {
        return tenant.adminJson(body).post(HOOKS);
    }

    /** Subscribes to deployment.created and deployment.succeeded; returns the webhook id. */
    private String subscribe() {
        Response created = subscribe(GoldenJson.fixture("webhooks/create.request.json"));
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created.path("id");
    }

    private static String body(String url, String... events) {
        return "{\"url\":\"" + url + "\",\"events\":[" + String.join(",",
                List.of(events).stream().map(e -> "\"" + e + "\"").toList()) + "]}";
    }

    @Test
    void subscribesShowingTheSecretOnlyInTheCreationReply() {
        Response created = subscribe(GoldenJson.fixture("webhooks/create.request.json"));

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        GoldenJson.assertMatches("webhooks/create.response.json", created.asString());
        String id = created.path("id");
        String secret = created.path("secret");
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(created.header("Location")).isEqualTo("http://localhost:8080/v3/webhooks/" + id);
        assertThat(created.header("Api-Version")).isEqualTo("v3");

        Response fetched = tenant.admin().get(HOOKS + "/" + id);
        assertThat(fetched.statusCode()).isEqualTo(200);
        GoldenJson.assertMatches("webhooks/get.response.json", fetched.asString(), Map.of("webhook_id", id));
        assertThat(fetched.asString()).doesNotContain(secret).doesNotContain("secret");
        assertThat(tenant.admin().get(HOOKS).asString()).doesNotContain(secret).doesNotContain("secret");
    }

    @Test
    void listsEveryVersionsSubscriptionsNewestFirstWithTheirApiVersion() {
        String v2 = platform.createWebhook.create(platform.authenticateCaller.authenticate(tenant.adminKey()),
                new CreateWebhookCommand(WebhookApiVersion.V2, "https://hooks.example.com/v2",
                        List.of("deployment.completed", "deploy.success"))).webhook().id().value();
        platform.clock.advance(Duration.ofSeconds(1));
        String v3 = subscribe();

        Response listed = tenant.admin().get(HOOKS);
        assertThat(listed.statusCode()).isEqualTo(200);
        GoldenJson.assertMatches("webhooks/list.response.json", listed.asString(),
                Map.of("v3_webhook_id", v3, "v2_webhook_id", v2));
        assertThat(listed.headers().hasHeaderWithName("X-Next-Cursor")).isFalse();
        assertThat(tenant.admin().get(HOOKS + "/" + v2).<String>path("api_version")).isEqualTo("v2");
    }

    @Test
    void pagesWithTheUnifiedCursorAndRefusesAnotherListsCursor() {
        for (int i = 0; i < 3; i++) {
            platform.clock.advance(Duration.ofSeconds(1));
            subscribe(body("https://hooks.example.com/" + i, "deployment.failed")).then().statusCode(201);
        }
        Response first = tenant.admin().queryParam("limit", 2).get(HOOKS);
        assertThat(first.<List<String>>path("webhooks.url")).containsExactly("https://hooks.example.com/2",
                "https://hooks.example.com/1");
        assertThat(first.<Boolean>path("pagination.has_more")).isTrue();
        String cursor = first.path("pagination.next_cursor");
        assertThat(first.header("X-Next-Cursor")).isEqualTo(cursor);
        Response rest = tenant.admin().queryParam("limit", 2).queryParam("cursor", cursor).get(HOOKS);
        assertThat(rest.<List<String>>path("webhooks.url")).containsExactly("https://hooks.example.com/0");
        assertThat(rest.<String>path("pagination.next_cursor")).isNull();

        assertError(tenant.admin().queryParam("cursor", "garbage").get(HOOKS), 400, "invalid_cursor");
        tenant.createProject();
        tenant.createProject();
        String projectsCursor = tenant.admin().queryParam("limit", 1).get("/v3/projects").path("pagination.next_cursor");
        assertError(tenant.admin().queryParam("cursor", projectsCursor).get(HOOKS), 400, "invalid_cursor");
        assertError(tenant.admin().queryParam("limit", 0).get(HOOKS), 400, "validation_failed");
        assertError(tenant.admin().queryParam("limit", "many").get(HOOKS), 400, "validation_failed");
    }

    @Test
    void deletingRemovesTheSubscriptionForGood() {
        String id = subscribe();
        assertThat(tenant.admin().delete(HOOKS + "/" + id).statusCode()).isEqualTo(204);
        GoldenJson.assertMatches("errors/not-found-webhook.json",
                assertError(tenant.admin().get(HOOKS + "/" + id), 404, "not_found").asString(),
                Map.of("webhook_id", id));
        assertError(tenant.admin().delete(HOOKS + "/" + id), 404, "not_found");
        assertThat(tenant.admin().get(HOOKS).<List<String>>path("webhooks.id")).doesNotContain(id);
    }

    @Test
    void deliveriesShowEveryAttemptAndFilterByStatus() {
        platform.runDueDeliveries();
        String id = subscribe();
        String projectId = tenant.createProject();
        String deploymentId = tenant.deploy(projectId);
        platform.webhookSender.thenAnswer(ScriptedWebhookSender.status(503));
        platform.runDueDeliveries();

        Response pending = tenant.admin().queryParam("status", "pending").get(HOOKS + "/" + id + "/deliveries");
        assertThat(pending.<List<String>>path("deliveries.event_type")).containsExactly("deployment.created");
        assertThat(pending.<List<Integer>>path("deliveries[0].attempts.status_code")).containsExactly(503);

        platform.clock.advance(Duration.ofMinutes(1));
        platform.runDueDeliveries();
        platform.clock.advance(Duration.ofSeconds(1));
        runPipelineOf(deploymentId);
        platform.runDueDeliveries();

        Response all = tenant.admin().get(HOOKS + "/" + id + "/deliveries");
        assertThat(all.statusCode()).as(all.asString()).isEqualTo(200);
        GoldenJson.assertMatches("webhooks/deliveries.response.json", all.asString(), Map.of("webhook_id", id));
        assertThat(tenant.admin().queryParam("status", "pending").get(HOOKS + "/" + id + "/deliveries")
                .<List<?>>path("deliveries")).isEmpty();
        assertThat(tenant.admin().queryParam("status", "succeeded").get(HOOKS + "/" + id + "/deliveries")
                .<List<String>>path("deliveries.id")).isEqualTo(all.<List<String>>path("deliveries.id"));
        assertThat(tenant.admin().queryParam("status", "failed").get(HOOKS + "/" + id + "/deliveries")
                .<List<?>>path("deliveries")).isEmpty();

        Response typo = tenant.admin().queryParam("status", "succeded").get(HOOKS + "/" + id + "/deliveries");
        GoldenJson.assertMatches("errors/validation-delivery-status.json",
                assertError(typo, 400, "validation_failed").asString());
        Response word = tenant.admin().queryParam("status", "live").get(HOOKS + "/" + id + "/deliveries");
        assertThat(assertError(word, 400, "validation_failed").<String>path("error.message"))
                .isEqualTo("Invalid status value: 'live'. Must be one of: pending, succeeded, failed.");
    }

    @Test
    void deliveriesPageByCursor() {
        platform.runDueDeliveries();
        String id = subscribe();
        String projectId = tenant.createProject();
        for (int i = 0; i < 3; i++) {
            platform.clock.advance(Duration.ofSeconds(1));
            tenant.deploy(projectId);
        }
        Response first = tenant.admin().queryParam("limit", 2).get(HOOKS + "/" + id + "/deliveries");
        assertThat(first.<List<?>>path("deliveries")).hasSize(2);
        String cursor = first.header("X-Next-Cursor");
        assertThat(cursor).isEqualTo(first.<String>path("pagination.next_cursor")).isNotBlank();
        Response rest = tenant.admin().queryParam("limit", 2).queryParam("cursor", cursor)
                .get(HOOKS + "/" + id + "/deliveries");
        assertThat(rest.<List<?>>path("deliveries")).hasSize(1);
        assertThat(rest.<Boolean>path("pagination.has_more")).isFalse();
        String webhooksCursor = subscribeTwiceAndTakeTheListCursor();
        assertError(tenant.admin().queryParam("cursor", webhooksCursor).get(HOOKS + "/" + id + "/deliveries"),
                400, "invalid_cursor");
    }

    private String subscribeTwiceAndTakeTheListCursor() {
        platform.clock.advance(Duration.ofSeconds(1));
        subscribe();
        return tenant.admin().queryParam("limit", 1).get(HOOKS).path("pagination.next_cursor");
    }

    @Test
    void redeliverySendsTheSameEventAgainAsANewDelivery() {
        platform.runDueDeliveries();
        String id = subscribe();
        tenant.deploy(tenant.createProject());
        platform.runDueDeliveries();
        Response listed = tenant.admin().get(HOOKS + "/" + id + "/deliveries");
        String deliveryId = listed.path("deliveries[0].id");
        String eventId = listed.path("deliveries[0].event_id");
        platform.clock.advance(Duration.ofSeconds(1));

        Response again = tenant.admin().post(HOOKS + "/" + id + "/deliveries/" + deliveryId + "/redeliver");
        assertThat(again.statusCode()).as(again.asString()).isEqualTo(202);
        GoldenJson.assertMatches("webhooks/redeliver.response.json", again.asString(),
                Map.of("webhook_id", id, "event_id", eventId, "delivery_id", deliveryId));
        assertThat(again.<String>path("id")).isNotEqualTo(deliveryId);

        int sentBefore = platform.webhookSender.sent().size();
        platform.runDueDeliveries();
        List<OutgoingWebhook> sent = platform.webhookSender.sent();
        assertThat(sent.subList(sentBefore, sent.size())).extracting(w -> w.event().id().value())
                .containsExactly(eventId);
        Response after = tenant.admin().get(HOOKS + "/" + id + "/deliveries");
        assertThat(after.<List<String>>path("deliveries.event_id")).containsExactly(eventId, eventId);
        assertThat(after.<List<String>>path("deliveries.status")).containsExactly("succeeded", "succeeded");
        assertThat(after.<String>path("deliveries[0].redelivery_of")).isEqualTo(deliveryId);

        String otherHook = subscribe();
        String unknown = "whd_0000000000";
        GoldenJson.assertMatches("errors/not-found-webhook-delivery.json", assertError(tenant.admin()
                        .post(HOOKS + "/" + id + "/deliveries/" + unknown + "/redeliver"), 404, "not_found").asString(),
                Map.of("delivery_id", unknown));
        assertThat(assertError(tenant.admin().post(HOOKS + "/" + otherHook + "/deliveries/" + deliveryId
                + "/redeliver"), 404, "not_found").<String>path("error.details.resource")).isEqualTo("webhook_delivery");
    }

    @Test
    void aTargetThatAnswers410IsShownDisabledWithItsReason() {
        platform.runDueDeliveries();
        String id = subscribe(body("https://gone.example.com/hook", "deployment.created")).path("id");
        tenant.deploy(tenant.createProject());
        platform.webhookSender.thenAnswer(ScriptedWebhookSender.status(410));
        platform.runDueDeliveries();

        Response fetched = tenant.admin().get(HOOKS + "/" + id);
        GoldenJson.assertMatches("webhooks/get-disabled.response.json", fetched.asString(), Map.of("webhook_id", id));
        Response failed = tenant.admin().queryParam("status", "failed").get(HOOKS + "/" + id + "/deliveries");
        assertThat(failed.<List<Integer>>path("deliveries[0].attempts.status_code")).containsExactly(410);
    }

    @Test
    void anotherAccountsWebhooksAndDeliveriesAre404() {
        platform.runDueDeliveries();
        String id = subscribe();
        tenant.deploy(tenant.createProject());
        platform.runDueDeliveries();
        String deliveryId = tenant.admin().get(HOOKS + "/" + id + "/deliveries").path("deliveries[0].id");

        RequestSpecification stranger = api.newTenant().admin();
        GoldenJson.assertMatches("errors/not-found-webhook.json",
                assertError(stranger.get(HOOKS + "/" + id), 404, "not_found").asString(), Map.of("webhook_id", id));
        stranger = api.newTenant().admin();
        assertError(stranger.delete(HOOKS + "/" + id), 404, "not_found");
        assertError(api.newTenant().admin().get(HOOKS + "/" + id + "/deliveries"), 404, "not_found");
        assertError(api.newTenant().admin().post(HOOKS + "/" + id + "/deliveries/" + deliveryId + "/redeliver"),
                404, "not_found");
        assertThat(api.newTenant().admin().get(HOOKS).<List<?>>path("webhooks")).isEmpty();
        assertThat(tenant.admin().get(HOOKS + "/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void everyWebhookRouteNeedsDeployAdmin() {
        String id = subscribe();
        String path = HOOKS + "/" + id;
        for (Scope scope : List.of(Scope.READ, Scope.WRITE)) {
            String key = tenant.key(scope);
            List<Function<RequestSpecification, Response>> calls = List.of(
                    r -> r.contentType("application/json").body(GoldenJson.fixture("webhooks/create.request.json"))
                            .post(HOOKS),
                    r -> r.get(HOOKS),
                    r -> r.get(path),
                    r -> r.delete(path),
                    r -> r.get(path + "/deliveries"),
                    r -> r.post(path + "/deliveries/whd_0000000000/redeliver"));
            for (Function<RequestSpecification, Response> call : calls) {
                GoldenJson.assertMatches("errors/insufficient-scope.json",
                        assertError(call.apply(api.as(key)), 403, "insufficient_scope").asString(),
                        Map.of("scope", "deploy:admin"));
            }
        }
        String restricted = tenant.keyRestrictedTo(new dev.dotgit.domain.project.ProjectId(tenant.createProject()),
                Scope.ADMIN);
        Response refused = api.as(restricted).contentType("application/json")
                .body(GoldenJson.fixture("webhooks/create.request.json")).post(HOOKS);
        GoldenJson.assertMatches("errors/webhook-restricted-key.json",
                assertError(refused, 403, "insufficient_scope").asString());
        assertError(api.anonymous().get(HOOKS), 401, "missing_api_key");
        assertThat(tenant.admin().get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void internalTargetsAreRefusedOnTheUrlFieldUnlessTheirHostIsAllowed() {
        platform.resolver.resolve("intranet.example.com", "10.20.30.40");
        platform.resolver.resolve("allowed.internal", "127.0.0.1");
        Map<String, String[]> refusals = Map.of(
                "http://10.0.0.1/hook", new String[] {"10.0.0.1", "10.0.0.1"},
                "http://169.254.169.254/", new String[] {"169.254.169.254", "169.254.169.254"},
                "http://127.0.0.1:8080/hook", new String[] {"127.0.0.1", "127.0.0.1"},
                "http://[::ffff:127.0.0.1]/hook", new String[] {"[::ffff:127.0.0.1]", "127.0.0.1"},
                "https://intranet.example.com/hook", new String[] {"intranet.example.com", "10.20.30.40"});
        refusals.forEach((url, hostAndAddress) -> {
            Response refused = subscribe(body(url, "deployment.created"));
            GoldenJson.assertMatches("errors/webhook-url-internal.json",
                    assertError(refused, 400, "validation_failed").asString(),
                    Map.of("url", url, "host", hostAndAddress[0], "address", hostAndAddress[1]));
        });
        assertThat(tenant.admin().get(HOOKS).<List<?>>path("webhooks")).isEmpty();

        Response allowed = subscribe(body("http://allowed.internal/hook", "deployment.created"));
        assertThat(allowed.statusCode()).as(allowed.asString()).isEqualTo(201);
    }

    @Test
    void badBodiesNameTheirFieldAndUnknownEventsGetASuggestion() {
        GoldenJson.assertMatches("errors/webhook-event-unknown.json", assertError(
                subscribe(body("https://hooks.example.com/x", "deployment.succeded")), 400, "validation_failed")
                .asString());
        GoldenJson.assertMatches("errors/webhook-missing-fields.json",
                assertError(subscribe("{}"), 400, "validation_failed").asString());
        GoldenJson.assertMatches("errors/webhook-unknown-field.json", assertError(subscribe(
                "{\"url\":\"https://hooks.example.com/x\",\"events\":[\"deployment.created\"],\"secret\":\"mine\"}"),
                400, "validation_failed").asString());

        Map<String, String> fieldOf = Map.of(
                "{\"url\":\"https://hooks.example.com/x\"}", "events",
                "{\"events\":[\"deployment.created\"]}", "url",
                "{\"url\":42,\"events\":[\"deployment.created\"]}", "url",
                "{\"url\":\"https://hooks.example.com/x\",\"events\":\"deployment.created\"}", "events",
                "{\"url\":\"https://hooks.example.com/x\",\"events\":[1]}", "events",
                "{\"url\":\"https://hooks.example.com/x\",\"events\":[]}", "events",
                "{\"url\":\"ftp://hooks.example.com/x\",\"events\":[\"deployment.created\"]}", "url",
                "{\"url\":\"not a url\",\"events\":[\"deployment.created\"]}", "url",
                "{\"url\":\"https://hooks.example.com/x\",\"events\":[\"deploy.success\"]}", "events",
                "{\"url\":null,\"events\":null}", "url");
        fieldOf.forEach((json, field) -> assertThat(assertError(subscribe(json), 400, "validation_failed")
                .<String>path("error.details.field")).as(json).isEqualTo(field));

        Response v2Event = subscribe(body("https://hooks.example.com/x", "deploy.success"));
        assertThat(v2Event.<String>path("error.message")).isEqualTo("Invalid events value: 'deploy.success'. "
                + "Must be one of: deployment.created, deployment.succeeded, deployment.failed, "
                + "deployment.cancelled, repository.pushed.");
        assertThat(subscribe("{\"url\":\"https://hooks.example.com/x\",\"events\":[]}").<String>path("error.message"))
                .contains("at least one event");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"x\"", "{", "null", "{\"url\":{}}", "{\"events\":[[\"a\"]]}", "\u0000"})
    void garbageIsA4xxInTheV3Envelope(String garbage) {
        Response response = subscribe(garbage);
        assertThat(response.statusCode()).as(garbage + " → " + response.asString()).isBetween(400, 499);
        assertError(response, response.statusCode(), response.path("error.code"));
    }

    @Test
    void oddIdsAndMethodsAreAnsweredInTheV3Envelope() {
        String id = subscribe();
        assertError(tenant.admin().get(HOOKS + "/not-an-id"), 404, "not_found");
        assertError(tenant.admin().get(HOOKS + "/" + "w".repeat(500)), 404, "not_found");
        assertError(tenant.admin().get(HOOKS + "/wh_%E2%9C%93/deliveries"), 404, "not_found");
        assertError(tenant.admin().post(HOOKS + "/" + id + "/deliveries/%20/redeliver"), 404, "not_found");
        Response wrongMethod = tenant.admin().put(HOOKS + "/" + id);
        assertError(wrongMethod, 405, "method_not_allowed");
        assertThat(wrongMethod.header("Allow")).contains("GET").contains("DELETE");
        assertError(tenant.admin().contentType("text/plain").body("url=x").post(HOOKS), 415,
                "unsupported_media_type");
        assertError(tenant.admin().get(HOOKS + "/" + id + "/deliveries/whd_0000000000"), 404, "not_found");
    }
}
