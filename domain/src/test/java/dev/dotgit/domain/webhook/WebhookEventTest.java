package dev.dotgit.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dotgit.domain.account.AccountSlug;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An event is about a push or about a deployment, as its type says, and never about both. */
class WebhookEventTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final PushSnapshot PUSH = new PushSnapshot("repo_0000000001", "acme/web", "refs/heads/main",
            PushSnapshot.ZERO_ID, "a".repeat(40), "key_0000000001");

    @Test
    void pushTypesArePushEventsAndTheOthersAreNot() {
        assertThat(WebhookEventType.raisedByPush()).containsExactlyInAnyOrder(WebhookEventType.REPO_PUSH,
                WebhookEventType.REPOSITORY_PUSHED);
        assertThat(WebhookEventType.raisedByPush()).allMatch(WebhookEventType::isPushEvent);
        assertThat(WebhookEventType.DEPLOYMENT_CREATED.isPushEvent()).isFalse();
        assertThat(WebhookEventType.PR_MERGED.isPushEvent()).isFalse();
    }

    @Test
    void aPushEventCarriesAPushAndADeploymentTypeCannot() {
        WebhookEvent pushed = new WebhookEvent(WebhookEventId.generate(), WebhookEventType.REPOSITORY_PUSHED,
                new AccountSlug("acme"), 1, NOW, PUSH);
        assertThat(pushed.push()).isEqualTo(PUSH);
        assertThat(pushed.deployment()).isNull();

        assertThatThrownBy(() -> new WebhookEvent(WebhookEventId.generate(), WebhookEventType.DEPLOYMENT_CREATED,
                new AccountSlug("acme"), 1, NOW, PUSH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookEvent(WebhookEventId.generate(), WebhookEventType.REPO_PUSH,
                new AccountSlug("acme"), 1, NOW, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
