package dev.dotgit.domain.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.error.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"a", "order-2026-11-22/1", "with space", "~!@#$%^&*()_+{}|:\"<>?"})
    void printableAsciiKeysUpTo255CharactersAreAccepted(String key) {
        assertThat(new IdempotencyKey(key).value()).isEqualTo(key);
        assertThat(new IdempotencyKey("k".repeat(255)).value()).hasSize(255);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tab\there", "newline\n", "café", "\u007f"})
    void emptyOrNonPrintableKeysAreABadHeaderNamingTheHeader(String key) {
        assertThatThrownBy(() -> new IdempotencyKey(key)).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.first().field()).isEqualTo("Idempotency-Key");
            assertThat(e.first().problem()).isEqualTo(InvalidInput.Problem.BAD_HEADER);
            assertThat(e.first().rejectedValue()).isNull();
        });
    }

    @Test
    void a256CharacterKeyIsRefused() {
        assertThatThrownBy(() -> new IdempotencyKey("k".repeat(256))).isInstanceOf(InvalidInput.class);
    }

    @Test
    void theFingerprintDependsOnMethodPathAndEveryBodyByte() {
        byte[] body = "{\"name\":\"web\"}".getBytes(StandardCharsets.UTF_8);
        RequestFingerprint fingerprint = RequestFingerprint.of("POST", "/v3/projects", body);

        assertThat(RequestFingerprint.of("POST", "/v3/projects", body.clone())).isEqualTo(fingerprint);
        assertThat(RequestFingerprint.of("POST", "/v1/projects", body)).isNotEqualTo(fingerprint);
        assertThat(RequestFingerprint.of("PUT", "/v3/projects", body)).isNotEqualTo(fingerprint);
        assertThat(RequestFingerprint.of("POST", "/v3/projects",
                "{\"name\": \"web\"}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(fingerprint);
        assertThat(RequestFingerprint.of("POST", "/v3/projects", new byte[0]))
                .isEqualTo(RequestFingerprint.of("POST", "/v3/projects", null));
        assertThat(fingerprint.hex()).hasSize(64);
    }

    @Test
    void aCompletedRecordExpiresAfter24HoursAnUnfinishedClaimAfter5Minutes() {
        IdempotencyClaim claim = new IdempotencyClaim(new AccountSlug("acme"), new IdempotencyKey("k"),
                RequestFingerprint.of("POST", "/v3/projects", new byte[0]), "c1", T0);
        IdempotencyRecord inFlight = IdempotencyRecord.inFlight(claim);
        IdempotencyRecord completed = new IdempotencyRecord(claim,
                new StoredResponse(201, "application/json", new byte[] {1}, null), T0.plusSeconds(1));

        assertThat(inFlight.isExpired(T0.plus(Duration.ofMinutes(5)).minusMillis(1))).isFalse();
        assertThat(inFlight.isExpired(T0.plus(Duration.ofMinutes(5)))).isTrue();
        assertThat(completed.isExpired(T0.plus(Duration.ofMinutes(5)))).isFalse();
        assertThat(completed.isExpired(T0.plus(Duration.ofHours(24)).minusMillis(1))).isFalse();
        assertThat(completed.isExpired(T0.plus(Duration.ofHours(24)))).isTrue();
    }

    @Test
    void aStoredResponseKeepsItsOwnCopyOfTheBody() {
        byte[] body = {1, 2, 3};
        StoredResponse response = new StoredResponse(201, "application/json", body, "/v3/projects/proj_1");
        body[0] = 9;
        response.body()[1] = 9;

        assertThat(response.body()).containsExactly(1, 2, 3);
        assertThat(response).isEqualTo(new StoredResponse(201, "application/json", new byte[] {1, 2, 3},
                "/v3/projects/proj_1"));
    }
}
