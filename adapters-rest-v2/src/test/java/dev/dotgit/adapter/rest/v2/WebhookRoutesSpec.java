package dev.dotgit.adapter.rest.v2;

import static dev.dotgit.adapter.rest.v2.golden.GoldenJson.assertMatches;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.adapter.rest.v2.golden.GoldenJson;
import dev.dotgit.adapter.rest.v2.support.Tenant;
import dev.dotgit.adapter.rest.v2.support.V2Api;
import dev.dotgit.adapter.rest.v2.support.V2Spec;
import dev.dotgit.application.port.in.webhook.CreateWebhookCommand;
import dev.dotgit.application.port.out.webhook.OutgoingWebhook;
import dev.dotgit.application.testing.ScriptedWebhookSender;
import dev.dotgit.application.testing.TestData;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.webhook.WebhookApiVersion;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /v2/webhooks}: create (secret once), get, list by cursor (every version's subscriptions),
 * delete, the deliveries of a subscription with their attempts and status filter, redelivery,
 * and their errors: v2's events only, no internal targets (SSRF), deploy:admin, foreign ids 404.
 */
abstract class WebhookRoutesSpec extends V2Spec {

    private static final String WEBHOOKS = "/v2/webhooks";

    WebhookRoutesSpec(Supplier<V2Api> server) {
        super(server);
    }

    private static Map<String, String> with(Response response, Map<String, String> more) {
        Map<String, String> all = new HashMap<>(more);
        all.put("request_id", response.header("X-Request-Id"));
        return all;
    }

    private static Map<String, String> requestId(Response response) {
        return with(response, Map.of());
    }

    /** A target URL no other test uses: the fake sender records every test's attempts. */
    private String uniqueUrl() {
        return "https://hooks.example.com/" + tenant.owner() + "/" + Tenant.uniqueName("h");
    }

    private Response create(RequestSpecification as, String body) {
        tenant.tick();
        return as.contentType(ContentType.JSON).body(body).post(WEBHOOKS);
    }

    private Response create(String url, String eventsJson) {
        return create(tenant.admin(), "{\"url\":\"" + url + "\",\"events\":" + eventsJson + "}");
    }

    /** A subscription made through v2; its id. */
    private String subscribe(String url, String eventsJson) {
        Response created = create(url, eventsJson);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created.path("id");
    }

    /** A repository deployed to live, raising the deployment events of the tenant's subscriptions; the deployment id. */
    private String deployToLive() {
        String repo = tenant.createRepository(Tenant.uniqueName("wh"));
        String deployment = tenant.deploy(repo);
        runPipelineOf(deployment);
        return deployment;
    }

    private List<OutgoingWebhook> sentTo(String url) {
        return platform.webhookSender.sent().stream()
                .filter(sent -> sent.subscription().url().toString().equals(url)).toList();
    }

    private Response deliveries(String webhookId) {
        return tenant.admin().get(WEBHOOKS + "/" + webhookId + "/deliveries");
    }

    // ---- create ----

    @Test
    void createsAWebhookAndShowsItsSecretOnce() {
        String url = uniqueUrl();
        Map<String, String> vars = Map.of("url", url);

        Response created = create(tenant.admin(), GoldenJson.request("webhooks/create.request.json", vars));

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.header("Api-Version")).isEqualTo("v2");
        assertMatches("webhooks/create.response.json", created.asString(), vars);
        String id = created.path("id");
        assertThat(created.header("Location")).isEqualTo("http://localhost:8080/v2/webhooks/" + id);
        String secret = created.path("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);

        Response fetched = tenant.admin().get(WEBHOOKS + "/" + id);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertMatches("webhooks/get.response.json", fetched.asString(), Map.of("id", id, "url", url));
        assertThat(fetched.asString() + tenant.admin().get(WEBHOOKS).asString()).doesNotContain(secret);
    }

    @Test
    void eventsAreShownInTheOrderV2DocumentsThemAndDuplicatesOnce() {
        Response created = create(uniqueUrl(), "[\"deployment.completed\",\"pr.merged\",\"repo.push\",\"pr.merged\"]");

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.<List<String>>path("events")).containsExactly("repo.push", "pr.merged",
                "deployment.completed");
    }

    @Test
    void unknownBodyFieldsAreIgnored() {
        Response created = create(tenant.admin(), "{\"url\":\"" + uniqueUrl()
                + "\",\"events\":[\"deploy.failed\"],\"active\":false,\"secret\":\"mine\"}");

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.<Boolean>path("active")).isTrue();
        assertThat(created.<String>path("secret")).startsWith("whsec_").isNotEqualTo("mine");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"deploy.succeeded\"]", "[\"deployment.succeeded\"]", "[\"deploy.success\",\"push\"]",
            "[\"\"]", "[\"DEPLOY.SUCCESS\"]"})
    void anEventV2DoesNotOfferNamesTheAllowedValues(String events) {
        Response refused = create(uniqueUrl(), events);

        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
        assertMatches("errors/validation-events.json", refused.asString(), requestId(refused));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"deploy.success\"", "[1]", "[\"deploy.success\",null]", "{}", "true"})
    void eventsThatAreNotANonEmptyListOfNamesAreAValidationFailure(String events) {
        Response refused = create(uniqueUrl(), events);

        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
        assertMatches("errors/validation-invalid-value.json", refused.asString(),
                with(refused, Map.of("field", "events")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"events\":[\"deploy.success\"]}|url",
            "{\"url\":null,\"events\":[\"deploy.success\"]}|url",
            "{\"url\":\"https://hooks.example.com/x\"}|events",
            "{\"url\":\"https://hooks.example.com/x\",\"events\":null}|events",
            "{}|url"})
    void aMissingFieldIsAValidationFailure(String body, String field) {
        Response refused = create(tenant.admin(), body);

        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
        assertMatches("errors/validation-missing-field.json", refused.asString(),
                with(refused, Map.of("field", field)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"ftp://hooks.example.com/x\"", "\"/relative/path\"", "\"not a url\"",
            "\"https://user:pass@hooks.example.com/\"", "\"http://0177.0.0.1/\"", "\"http://127.1/\"",
            "\"http://0x7f.0.0.1/\"", "42", "[\"https://hooks.example.com\"]", "\"\""})
    void aUrlThatIsNotAnAbsoluteHttpUrlIsAValidationFailure(String url) {
        Response refused = create(tenant.admin(), "{\"url\":" + url + ",\"events\":[\"deploy.success\"]}");

        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
        String expected = url.equals("\"\"") ? "errors/validation-missing-field.json"
                : "errors/validation-invalid-value.json";
        assertMatches(expected, refused.asString(), with(refused, Map.of("field", "url")));
    }

    @Test
    void aBadUrlIsReportedBeforeBadEvents() {
        Response refused = create("ftp://x", "[\"nope\"]");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.<String>path("error.details.field")).isEqualTo("url");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1/hook|127.0.0.1",
            "http://127.0.0.2:8080/hook|127.0.0.2",
            "http://10.0.0.7/hook|10.0.0.7",
            "http://192.168.1.1/|192.168.1.1",
            "http://172.16.0.1/|172.16.0.1",
            "http://169.254.169.254/latest/meta-data/|169.254.169.254",
            "http://100.64.0.1/|100.64.0.1",
            "http://0.0.0.0/|0.0.0.0",
            "http://[::1]/hook|[::1]",
            "http://[::ffff:127.0.0.1]/hook|[::ffff:127.0.0.1]",
            "http://[fd00::1]/hook|[fd00::1]",
            "https://internal.corp.example/hook|internal.corp.example"})
    void anInternalTargetIsRefusedAsASsrfRisk(String url, String host) {
        platform.resolver.resolve("internal.corp.example", "93.184.216.34", "10.1.2.3");

        Response refused = create(url, "[\"deploy.success\"]");

        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
        assertMatches("errors/validation-webhook-url-internal.json", refused.asString(),
                with(refused, Map.of("host", host)));
        assertThat(tenant.admin().get(WEBHOOKS).<List<?>>path("data")).isEmpty();
    }

    @Test
    void aHostInTheAllowedHostsMayBeInternal() {
        platform.resolver.resolve("allowed.internal", "10.9.8.7");

        Response created = create("http://allowed.internal:9000/hook", "[\"deploy.success\"]");

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    }

    // ---- get, list, delete ----

    @Test
    void listsEveryVersionsSubscriptionsNewestFirstByCursorPages() {
        String oldest = subscribe(uniqueUrl(), "[\"deploy.success\"]");
        String v2Url = uniqueUrl();
        String v2 = subscribe(v2Url, "[\"deploy.failed\",\"repo.push\"]");
        tenant.tick();
        String v3Url = uniqueUrl();
        String v3 = platform.createWebhook.create(platform.authenticateCaller.authenticate(tenant.adminKey()),
                new CreateWebhookCommand(WebhookApiVersion.V3, v3Url,
                        List.of("deployment.failed", "deployment.succeeded"))).webhook().id().value();

        Response page1 = tenant.admin().queryParam("limit", 2).get(WEBHOOKS);

        assertThat(page1.statusCode()).isEqualTo(200);
        assertMatches("webhooks/list.response.json", page1.asString(),
                Map.of("v3_id", v3, "v3_url", v3Url, "v2_id", v2, "v2_url", v2Url));
        Response page2 = tenant.admin().queryParam("limit", 2)
                .queryParam("cursor", page1.<String>path("pagination.next_cursor")).get(WEBHOOKS);
        assertThat(page2.<List<String>>path("data.id")).containsExactly(oldest);
        assertThat(page2.<Boolean>path("pagination.has_more")).isFalse();
        assertThat(page2.<String>path("pagination.next_cursor")).isNull();
        assertThat(tenant.admin().get(WEBHOOKS + "/" + v3).<String>path("api_version")).isEqualTo("v3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "eyJpZCI6MTIzfQ==", "%%%"})
    void aForgedCursorIsRefused(String cursor) {
        Response refused = tenant.admin().queryParam("cursor", cursor).get(WEBHOOKS);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertMatches("errors/invalid-cursor.json", refused.asString(), requestId(refused));
    }

    @Test
    void aCursorOfAnotherListIsRefused() {
        String repo = tenant.createRepository(Tenant.uniqueName("wc"));
        tenant.createRepository(Tenant.uniqueName("wc"));
        String repositoriesCursor = tenant.admin().queryParam("limit", 1).get("/v2/repositories")
                .path("pagination.next_cursor");
        assertThat(repo).isNotNull();

        Response refused = tenant.admin().queryParam("cursor", repositoriesCursor).get(WEBHOOKS);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.<String>path("error.code")).isEqualTo("invalid_cursor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "x"})
    void aLimitOutsideOneToAHundredIsAValidationFailure(String limit) {
        Response refused = tenant.admin().queryParam("limit", limit).get(WEBHOOKS);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertMatches("errors/validation-invalid-value.json", refused.asString(),
                with(refused, Map.of("field", "limit")));
    }

    @Test
    void deletesAWebhookForGood() {
        String id = subscribe(uniqueUrl(), "[\"deploy.success\"]");

        Response deleted = tenant.admin().delete(WEBHOOKS + "/" + id);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.asString()).isEmpty();
        assertThat(deleted.header("Api-Version")).isEqualTo("v2");
        Response gone = tenant.admin().get(WEBHOOKS + "/" + id);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertMatches("errors/not-found-webhook.json", gone.asString(), with(gone, Map.of("id", id)));
        assertThat(tenant.admin().delete(WEBHOOKS + "/" + id).statusCode()).isEqualTo(404);
        assertThat(tenant.admin().get(WEBHOOKS).<List<?>>path("data")).isEmpty();
    }

    @Test
    void aDeletedWebhookGetsNoMoreEvents() {
        String url = uniqueUrl();
        String id = subscribe(url, "[\"deploy.success\"]");
        assertThat(tenant.admin().delete(WEBHOOKS + "/" + id).statusCode()).isEqualTo(204);

        deployToLive();
        platform.runDueDeliveries();

        assertThat(sentTo(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wh_0000000000", "dep_0000000000", "nonsense", "WH_0000000000"})
    void anUnknownWebhookIsNotFoundOnEveryRoute(String id) {
        for (Response missing : List.of(tenant.admin().get(WEBHOOKS + "/" + id),
                tenant.admin().delete(WEBHOOKS + "/" + id),
                tenant.admin().get(WEBHOOKS + "/" + id + "/deliveries"),
                tenant.admin().post(WEBHOOKS + "/" + id + "/deliveries/whd_0000000000/redeliver"))) {
            assertThat(missing.statusCode()).as(missing.asString()).isEqualTo(404);
            assertMatches("errors/not-found-webhook.json", missing.asString(),
                    with(missing, Map.of("id", id)));
        }
    }

    @Test
    void anotherAccountsWebhookAndDeliveriesAreNotFound() {
        String url = uniqueUrl();
        String id = subscribe(url, "[\"deploy.success\"]");
        deployToLive();
        platform.runDueDeliveries();
        String delivery = deliveries(id).path("data[0].id");
        Tenant other = api.newTenant();

        for (Response foreign : List.of(other.admin().get(WEBHOOKS + "/" + id),
                other.admin().delete(WEBHOOKS + "/" + id),
                other.admin().get(WEBHOOKS + "/" + id + "/deliveries"),
                other.admin().post(WEBHOOKS + "/" + id + "/deliveries/" + delivery + "/redeliver"))) {
            assertThat(foreign.statusCode()).as(foreign.asString()).isEqualTo(404);
            assertMatches("errors/not-found-webhook.json", foreign.asString(), with(foreign, Map.of("id", id)));
        }
        assertThat(other.admin().get(WEBHOOKS).<List<?>>path("data")).isEmpty();
        assertThat(tenant.admin().get(WEBHOOKS + "/" + id).statusCode()).isEqualTo(200);
        assertThat(sentTo(url)).hasSize(1);
    }

    // ---- deliveries and redelivery ----

    @Test
    void listsDeliveriesWithEveryAttempt() {
        String url = uniqueUrl();
        String id = subscribe(url, "[\"deploy.success\"]");
        deployToLive();

        platform.webhookSender.thenAnswer(ScriptedWebhookSender.status(500));
        assertThat(platform.runDueDeliveries()).hasSize(1);
        Response pending = deliveries(id);
        assertThat(pending.statusCode()).isEqualTo(200);
        assertThat(pending.<String>path("data[0].status")).isEqualTo("pending");
        assertThat(pending.<List<?>>path("data[0].attempts")).hasSize(1);

        platform.clock.advance(Duration.ofSeconds(31));
        assertThat(platform.runDueDeliveries()).hasSize(1);
        Response delivered = deliveries(id);

        assertThat(delivered.statusCode()).isEqualTo(200);
        assertMatches("webhooks/deliveries.response.json", delivered.asString(), Map.of("webhook_id", id));
        List<OutgoingWebhook> sent = sentTo(url);
        assertThat(sent).hasSize(2);
        assertThat(sent).extracting(s -> s.event().id().value())
                .containsOnly(delivered.<String>path("data[0].event_id"));
    }

    @Test
    void aV2SubscriptionGetsTheEventsItAskedForAndNothingElse() {
        String url = uniqueUrl();
        String id = subscribe(url, "[\"deploy.success\",\"deployment.completed\",\"deploy.failed\"]");

        deployToLive();
        platform.runDueDeliveries();

        Response listed = deliveries(id);
        assertThat(listed.<List<String>>path("data.event")).containsExactlyInAnyOrder("deploy.success",
                "deployment.completed");
        assertThat(listed.<List<String>>path("data.status")).containsOnly("succeeded");
        assertThat(sentTo(url)).extracting(s -> s.event().type().wireName())
                .containsExactlyInAnyOrder("deploy.success", "deployment.completed");
    }

    @Test
    void filtersDeliveriesByStatusAndPagesThemByCursor() {
        String url = uniqueUrl();
        String id = subscribe(url, "[\"deploy.success\"]");
        deployToLive();
        deployToLive();
        deployToLive();
        platform.webhookSender.thenAnswer(ScriptedWebhookSender.status(503));
        assertThat(platform.runDueDeliveries()).hasSize(3);

        assertThat(tenant.admin().queryParam("status", "pending").get(WEBHOOKS + "/" + id + "/deliveries")
                .<List<?>>path("data")).hasSize(1);
        assertThat(tenant.admin().queryParam("status", "succeeded").get(WEBHOOKS + "/" + id + "/deliveries")
                .<List<?>>path("data")).hasSize(2);
        assertThat(tenant.admin().queryParam("status", "failed").get(WEBHOOKS + "/" + id + "/deliveries")
                .<List<?>>path("data")).isEmpty();

        Response page1 = tenant.admin().queryParam("limit", 2).get(WEBHOOKS + "/" + id + "/deliveries");
        assertThat(page1.<List<?>>path("data")).hasSize(2);
        assertThat(page1.<Boolean>path("pagination.has_more")).isTrue();
        Response page2 = tenant.admin().queryParam("limit", 2)
                .queryParam("cursor", page1.<String>path("pagination.next_cursor"))
                .get(WEBHOOKS + "/" + id + "/deliveries");
        assertThat(page2.statusCode()).isEqualTo(200);
        assertThat(page2.<List<?>>path("data")).hasSize(1);
        assertThat(page2.<Boolean>path("pagination.has_more")).isFalse();
        List<String> all = new java.util.ArrayList<>(page1.<List<String>>path("data.id"));
        all.addAll(page2.<List<String>>path("data.id"));
        assertThat(all).doesNotHaveDuplicates().hasSize(3);

        // Let the pending one succeed, so that it leaves nothing due behind for later tests.
        platform.clock.advance(Duration.ofSeconds(31));
        platform.runDueDeliveries();
        assertThat(tenant.admin().queryParam("status", "pending").get(WEBHOOKS + "/" + id + "/deliveries")
                .<List<?>>path("data")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"delivered", "SUCCEEDED", "", "pending,failed"})
    void aBadStatusFilterNamesTheAllowedValues(String status) {
        String id = subscribe(uniqueUrl(), "[\"deploy.success\"]");

        Response refused = tenant.admin().queryParam("status", status).get(WEBHOOKS + "/" + id + "/deliveries");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertMatches("errors/validation-delivery-status.json", refused.asString(), requestId(refused));
    }

    @Test
    void aCursorOfAnotherWebhooksDeliveriesIsRefused() {
        String first = subscribe(uniqueUrl(), "[\"deploy.success\"]");
        String second = subscribe(uniqueUrl(), "[\"deploy.success\"]");
        deployToLive();
        deployToLive();
        platform.runDueDeliveries();
        String cursor = tenant.admin().queryParam("limit", 1).get(WEBHOOKS + "/" + first + "/deliveries")
                .path("pagination.next_cursor");
        assertThat(cursor).isNotNull();

        Response refused = tenant.admin().queryParam("cursor", cursor).get(WEBHOOKS + "/" + second + "/deliveries");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertMatches("errors/invalid-cursor.json", refused.asString(), requestId(refused));
    }

    @Test
    void redeliversTheSameEventAsANewDelivery() {
        String url = uniqueUrl();
        String id = subscribe(url, "[\"deploy.success\"]");
        deployToLive();
        platform.runDueDeliveries();
        Response listed = deliveries(id);
        String delivery = listed.path("data[0].id");
        String event = listed.path("data[0].event_id");
        tenant.tick();

        Response again = tenant.admin().post(WEBHOOKS + "/" + id + "/deliveries/" + delivery + "/redeliver");

        assertThat(again.statusCode()).as(again.asString()).isEqualTo(202);
        assertThat(again.header("Api-Version")).isEqualTo("v2");
        assertMatches("webhooks/redeliver.response.json", again.asString(),
                Map.of("webhook_id", id, "event_id", event, "delivery_id", delivery));
        assertThat(platform.runDueDeliveries()).hasSize(1);
        Response after = deliveries(id);
        assertThat(after.<List<String>>path("data.id")).containsExactly(again.path("id"), delivery);
        assertThat(after.<List<String>>path("data.event_id")).containsOnly(event);
        assertThat(after.<List<String>>path("data.status")).containsOnly("succeeded");
        assertThat(sentTo(url)).extracting(s -> s.event().id().value()).containsExactly(event, event);
    }

    @Test
    void redeliveryAcceptsAnyContentTypeAndIgnoresABody() {
        String id = subscribe(uniqueUrl(), "[\"deploy.success\"]");
        deployToLive();
        platform.runDueDeliveries();
        String delivery = deliveries(id).path("data[0].id");

        Response again = tenant.admin().contentType("text/plain").body("please")
                .post(WEBHOOKS + "/" + id + "/deliveries/" + delivery + "/redeliver");

        assertThat(again.statusCode()).as(again.asString()).isEqualTo(202);
        platform.runDueDeliveries();
    }

    @ParameterizedTest
    @ValueSource(strings = {"whd_0000000000", "nonsense", "evt_0000000000"})
    void redeliveringAnUnknownDeliveryIsNotFound(String delivery) {
        String id = subscribe(uniqueUrl(), "[\"deploy.success\"]");

        Response missing = tenant.admin().post(WEBHOOKS + "/" + id + "/deliveries/" + delivery + "/redeliver");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertMatches("errors/not-found-webhook-delivery.json", missing.asString(),
                with(missing, Map.of("id", delivery)));
    }

    @Test
    void redeliveringAnotherWebhooksDeliveryIsNotFound() {
        String first = subscribe(uniqueUrl(), "[\"deploy.success\"]");
        String second = subscribe(uniqueUrl(), "[\"deploy.failed\"]");
        deployToLive();
        platform.runDueDeliveries();
        String delivery = deliveries(first).path("data[0].id");

        Response missing = tenant.admin().post(WEBHOOKS + "/" + second + "/deliveries/" + delivery + "/redeliver");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertMatches("errors/not-found-webhook-delivery.json", missing.asString(),
                with(missing, Map.of("id", delivery)));
    }

    // ---- scopes ----

    @ParameterizedTest
    @ValueSource(strings = {"deploy:read", "deploy:write"})
    void everyRouteNeedsTheAdminScope(String scope) {
        String id = subscribe(uniqueUrl(), "[\"deploy.success\"]");
        String key = tenant.key(scope.equals("deploy:read") ? Scope.READ : Scope.WRITE);

        for (Response refused : List.of(
                create(api.as(key), "{\"url\":\"" + uniqueUrl() + "\",\"events\":[\"deploy.success\"]}"),
                api.as(key).get(WEBHOOKS),
                api.as(key).get(WEBHOOKS + "/" + id),
                api.as(key).delete(WEBHOOKS + "/" + id),
                api.as(key).get(WEBHOOKS + "/" + id + "/deliveries"),
                api.as(key).post(WEBHOOKS + "/" + id + "/deliveries/whd_0000000000/redeliver"))) {
            assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(403);
            assertMatches("errors/insufficient-scope.json", refused.asString(),
                    with(refused, Map.of("scope", "deploy:admin")));
        }
        assertThat(tenant.admin().get(WEBHOOKS + "/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void aKeyRestrictedToSomeEnvironmentsCannotSubscribe() {
        String restricted = tenant.register(TestData.anApiKey().scopes(Scope.ADMIN).restrictedTo(Environment.PREVIEW));

        Response refused = create(api.as(restricted), "{\"url\":\"" + uniqueUrl() + "\",\"events\":[\"deploy.success\"]}");

        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(403);
        assertMatches("errors/restricted-key.json", refused.asString(), requestId(refused));
    }

    @Test
    void theKeyIsCheckedBeforeTheBody() {
        Response anonymous = api.anonymous().contentType("text/plain").body("{").post(WEBHOOKS);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.<String>path("error.code")).isEqualTo("missing_api_key");
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    // ---- bad requests ----

    @ParameterizedTest
    @ValueSource(strings = {"{", "[]", "\"url\"", "null", "{\"url\":\"https://a.example\"} {}"})
    void aBodyThatIsNotOneJsonObjectIsInvalidJson(String body) {
        Response refused = create(tenant.admin(), body);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertMatches("errors/invalid-json.json", refused.asString(), requestId(refused));
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        Response refused = tenant.admin().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .body("url=https://a.example&events=deploy.success").post(WEBHOOKS);

        assertThat(refused.statusCode()).isEqualTo(415);
        assertMatches("errors/unsupported-media-type.json", refused.asString(), requestId(refused));
    }

    @Test
    void aWrongMethodIsMethodNotAllowed() {
        Response refused = tenant.admin().put(WEBHOOKS + "/wh_0000000000");

        assertThat(refused.statusCode()).isEqualTo(405);
        assertThat(refused.header("Allow")).contains("GET", "DELETE");
        assertThat(refused.<String>path("error.code")).isEqualTo("method_not_allowed");
        assertThat(tenant.admin().get(WEBHOOKS + "/wh_0000000000/deliveries/whd_0000000000/redeliver")
                .statusCode()).isEqualTo(405);
    }
}
