package dev.dotgit.adapter.rest.v3.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.adapter.rest.v3.error.RequestRejected;
import dev.dotgit.application.port.in.paging.ListPosition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The cursor codec: round trips exactly, and refuses anything it did not issue for that list. */
class CursorsTest {

    private static final ListPosition POSITION =
            new ListPosition(Instant.parse("2026-11-22T10:15:30.123456789Z"), "dep_0123456789");

    @Test
    void aListCursorRoundTripsToTheSamePositionIncludingNanoseconds() {
        String cursor = Cursors.encode(Cursors.Kind.DEPLOYMENTS, POSITION);
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(Cursors.decode(Cursors.Kind.DEPLOYMENTS, cursor)).isEqualTo(POSITION);
    }

    @Test
    void aLogCursorRoundTripsForItsDeploymentOnly() {
        String cursor = Cursors.encodeLog("dep_0123456789", 42);
        assertThat(Cursors.decodeLog("dep_0123456789", cursor)).isEqualTo(42);
        assertRefused(() -> Cursors.decodeLog("dep_9876543210", cursor));
    }

    @Test
    void aCursorOfAnotherListIsRefused() {
        String cursor = Cursors.encode(Cursors.Kind.DEPLOYMENTS, POSITION);
        assertRefused(() -> Cursors.decode(Cursors.Kind.PROJECTS, cursor));
        assertRefused(() -> Cursors.decodeLog("dep_0123456789", cursor));
    }

    @Test
    void anEditedPayloadFailsTheCheck() {
        String cursor = Cursors.encode(Cursors.Kind.DEPLOYMENTS, POSITION);
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        String edited = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(text.replace("dep_0123456789", "dep_0123456780").getBytes(StandardCharsets.UTF_8));
        assertRefused(() -> Cursors.decode(Cursors.Kind.DEPLOYMENTS, edited));
    }

    @Test
    void garbageIsRefused() {
        for (String garbage : new String[] {"", "!!!", "abc", "eyJpZCI6MTAyM30=", "x".repeat(300)}) {
            assertRefused(() -> Cursors.decode(Cursors.Kind.PROJECTS, garbage));
        }
    }

    private static void assertRefused(Runnable decode) {
        assertThatThrownBy(decode::run).isInstanceOf(RequestRejected.class)
                .extracting(e -> ((RequestRejected) e).code()).isEqualTo("invalid_cursor");
    }
}
