package dev.dotgit.adapter.webhooks;

import dev.dotgit.domain.deployment.DeploymentStatus;
import dev.dotgit.domain.webhook.DeploymentSnapshot;
import dev.dotgit.domain.webhook.PushSnapshot;
import dev.dotgit.domain.webhook.WebhookApiVersion;
import dev.dotgit.domain.webhook.WebhookEvent;
import dev.dotgit.domain.webhook.WebhookEventType;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Each version's outbound dialect (CONTRACT §6). Rendered here rather than in the REST modules:
 * deliveries are the versions' outbound side, and this adapter may not depend on them.
 * <ul>
 *   <li>v2, seed 002 ({@code repo.push}, {@code deploy.*}, {@code pr.merged}):
 *       {@code {"event","id","timestamp":ISO,"data":{"deployment_id","url","duration_ms"}}}</li>
 *   <li>v2, seed 003 ({@code deployment.completed}):
 *       {@code {"id","type","timestamp":unix,"data":{"project","status":"live","url","duration_ms"}}}</li>
 *   <li>v3: {@code {"id","type","created_at","api_version":"v3","sequence","data":{the v3 deployment}}}</li>
 * </ul>
 * Push events ({@code repo.push} in the 002 envelope, {@code repository.pushed} in the v3 one) carry
 * one updated ref as their data: {@code {"repository_id","full_name","ref","before","after","pushed_by"}},
 * with git's all-zero hash as {@code before} of a created ref and {@code after} of a deleted one.
 * Times are the event's (the same on every attempt), UTC, whole seconds.
 */
final class Envelopes {

    private Envelopes() {
    }

    static String render(WebhookApiVersion version, WebhookEvent event) {
        if (version == WebhookApiVersion.V3) {
            return v3(event);
        }
        return event.type() == WebhookEventType.DEPLOYMENT_COMPLETED ? v2Sdk(event) : v2(event);
    }

    private static String v2(WebhookEvent event) {
        Json json = new Json().begin()
                .field("event", event.type().wireName())
                .field("id", event.id().value())
                .field("timestamp", iso(event.occurredAt()))
                .object("data");
        if (event.push() != null) {
            return push(json, event.push()).end().end().toString();
        }
        DeploymentSnapshot d = event.deployment();
        return json
                .field("deployment_id", d.deploymentId())
                .field("url", d.url())
                .field("duration_ms", d.durationMs())
                .end()
                .end().toString();
    }

    private static String v2Sdk(WebhookEvent event) {
        DeploymentSnapshot d = event.deployment();
        return new Json().begin()
                .field("id", event.id().value())
                .field("type", event.type().wireName())
                .field("timestamp", event.occurredAt().getEpochSecond())
                .object("data")
                .field("project", d.projectName())
                .field("status", v2Status(d.status()))
                .field("url", d.url())
                .field("duration_ms", d.durationMs())
                .end()
                .end().toString();
    }

    private static String v3(WebhookEvent event) {
        Json json = new Json().begin()
                .field("id", event.id().value())
                .field("type", event.type().wireName())
                .field("created_at", iso(event.occurredAt()))
                .field("api_version", "v3")
                .field("sequence", event.sequence())
                .object("data");
        if (event.push() != null) {
            return push(json, event.push()).end().end().toString();
        }
        DeploymentSnapshot d = event.deployment();
        return json
                .field("id", d.deploymentId())
                .field("project_id", d.projectId())
                .field("environment", d.environment())
                .field("branch", d.branch())
                .field("commit_sha", d.commitSha())
                .field("status", v3Status(d.status()))
                .field("auto_rollback", d.autoRollback())
                .field("url", d.url())
                .field("created_at", iso(d.createdAt()))
                .field("started_at", iso(d.startedAt()))
                .field("completed_at", iso(d.completedAt()))
                .field("rolled_back_to", d.rolledBackTo())
                .end()
                .end().toString();
    }

    private static Json push(Json json, PushSnapshot p) {
        return json.field("repository_id", p.repositoryId())
                .field("full_name", p.fullName())
                .field("ref", p.ref())
                .field("before", p.before())
                .field("after", p.after())
                .field("pushed_by", p.pushedBy());
    }

    /** v2 vocabulary: queued, building, deploying, live, failed, cancelled. */
    static String v2Status(DeploymentStatus status) {
        return status == DeploymentStatus.SUCCEEDED ? "live" : status.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** v3 vocabulary: queued, running (building or deploying), live, failed, cancelled. */
    static String v3Status(DeploymentStatus status) {
        return switch (status) {
            case QUEUED -> "queued";
            case BUILDING, DEPLOYING -> "running";
            case SUCCEEDED -> "live";
            case FAILED -> "failed";
            case CANCELLED -> "cancelled";
        };
    }

    static String iso(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
