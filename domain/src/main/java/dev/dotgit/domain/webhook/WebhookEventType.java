package dev.dotgit.domain.webhook;

import dev.dotgit.domain.deployment.DeploymentStatus;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Every event type a subscription can ask for, each offered by exactly one API version
 * (CONTRACT §6). The v2 types keep the two seed envelopes apart (C5): {@code deployment.completed}
 * is rendered in the 003 envelope, every other v2 type in the 002 envelope.
 *
 * <p>{@code repo.push} (v2) and {@code repository.pushed} (v3) are raised once per ref a git
 * push over smart HTTP updated. {@code pr.merged} can be subscribed to, but nothing raises it:
 * the server has no pull requests.
 */
public enum WebhookEventType {
    REPO_PUSH("repo.push", WebhookApiVersion.V2, null),
    DEPLOY_SUCCESS("deploy.success", WebhookApiVersion.V2, DeploymentStatus.SUCCEEDED),
    DEPLOY_FAILED("deploy.failed", WebhookApiVersion.V2, DeploymentStatus.FAILED),
    PR_MERGED("pr.merged", WebhookApiVersion.V2, null),
    DEPLOYMENT_COMPLETED("deployment.completed", WebhookApiVersion.V2, DeploymentStatus.SUCCEEDED),
    DEPLOYMENT_CREATED("deployment.created", WebhookApiVersion.V3, DeploymentStatus.QUEUED),
    DEPLOYMENT_SUCCEEDED("deployment.succeeded", WebhookApiVersion.V3, DeploymentStatus.SUCCEEDED),
    DEPLOYMENT_FAILED("deployment.failed", WebhookApiVersion.V3, DeploymentStatus.FAILED),
    DEPLOYMENT_CANCELLED("deployment.cancelled", WebhookApiVersion.V3, DeploymentStatus.CANCELLED),
    REPOSITORY_PUSHED("repository.pushed", WebhookApiVersion.V3, null);

    private final String wireName;
    private final WebhookApiVersion version;
    /** The deployment state whose arrival raises this event; QUEUED means "created". Null: not a deployment event. */
    private final DeploymentStatus raisedOnEntering;

    WebhookEventType(String wireName, WebhookApiVersion version, DeploymentStatus raisedOnEntering) {
        this.wireName = wireName;
        this.version = version;
        this.raisedOnEntering = raisedOnEntering;
    }

    public String wireName() {
        return wireName;
    }

    public WebhookApiVersion version() {
        return version;
    }

    /** Raised by a push (one event per updated ref), not by a deployment. */
    public boolean isPushEvent() {
        return this == REPO_PUSH || this == REPOSITORY_PUSHED;
    }

    /** The types a push raises, whichever version the subscriptions speak. */
    public static Set<WebhookEventType> raisedByPush() {
        return EnumSet.of(REPO_PUSH, REPOSITORY_PUSHED);
    }

    public static Optional<WebhookEventType> fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    /** The types raised when a deployment is created ({@code QUEUED}) or reaches {@code status}. */
    public static Set<WebhookEventType> raisedByDeploymentEntering(DeploymentStatus status) {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        for (WebhookEventType type : values()) {
            if (type.raisedOnEntering == status) {
                types.add(type);
            }
        }
        return types;
    }
}
