package dev.dotgit.bootstrap.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.bootstrap.e2e.support.KeyClient.Reply;
import java.util.Map;

/** Checks of refusals against each version's own golden error fixtures (shipped in the versions' test-jars). */
public final class VersionEnvelopes {

    private VersionEnvelopes() {
    }

    /** {@code v1}, {@code v2} or {@code v3}: the version a path belongs to. */
    public static String versionOf(String path) {
        String version = path.substring(1, 3);
        assertThat(version).as("version of %s", path).matches("v[123]");
        return version;
    }

    /** 403 {@code insufficient_scope} naming the missing scope, in the version's envelope and with its headers. */
    public static void assertInsufficientScope(String version, Reply reply, String scope, String what) {
        assertThat(reply.status()).as("%s: %s", what, reply.describe()).isEqualTo(403);
        assertThat(reply.header("Api-Version")).as("%s: Api-Version", what).isEqualTo(version);
        switch (version) {
            case "v1" -> dev.dotgit.adapter.rest.v1.golden.GoldenJson.assertMatches("errors/insufficient-scope.json",
                    reply.body(), Map.of("scope", scope));
            case "v2" -> dev.dotgit.adapter.rest.v2.golden.GoldenJson.assertMatches("errors/insufficient-scope.json",
                    reply.body(), Map.of("scope", scope, "request_id", reply.header("X-Request-Id")));
            case "v3" -> dev.dotgit.adapter.rest.v3.golden.GoldenJson.assertMatches("errors/insufficient-scope.json",
                    reply.body(), Map.of("scope", scope));
            default -> throw new AssertionError("no such version: " + version);
        }
    }

    /**
     * 403 {@code insufficient_scope} for a key whose project or environment restrictions forbid
     * the action (it has the scope): the version's envelope with that code, no scope named.
     */
    public static void assertRefusedAsRestricted(String version, Reply reply, String what) {
        assertThat(reply.status()).as("%s: %s", what, reply.describe()).isEqualTo(403);
        assertThat(reply.header("Api-Version")).as("%s: Api-Version", what).isEqualTo(version);
        assertThat(reply.<String>path("error.code")).as("%s: %s", what, reply.body()).isEqualTo("insufficient_scope");
        assertThat(reply.<String>path("error.message")).as(what).isNotBlank();
        switch (version) {
            case "v2" -> {
                assertThat(reply.<Integer>path("error.status")).as(what).isEqualTo(403);
                assertThat(reply.<String>path("error.details.request_id")).as(what)
                        .isEqualTo(reply.header("X-Request-Id"));
            }
            case "v3" -> assertThat(reply.<String>path("error.request_id")).as(what)
                    .isEqualTo(reply.header("X-Request-Id"));
            default -> { }
        }
    }
}
