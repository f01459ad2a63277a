package dev.dotgit.adapter.persistence.webhook;

import static dev.dotgit.adapter.persistence.support.StorageFailures.guard;

import dev.dotgit.adapter.persistence.support.NewestFirstQuery;
import dev.dotgit.adapter.persistence.support.RowReader;
import dev.dotgit.adapter.persistence.support.SqlValues;
import dev.dotgit.adapter.persistence.support.StorageFailures;
import dev.dotgit.adapter.persistence.support.StoredValues;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.out.webhook.LoadWebhookDeliveryPort;
import dev.dotgit.application.port.out.webhook.LoadWebhookPort;
import dev.dotgit.application.port.out.webhook.SaveWebhookDeliveryPort;
import dev.dotgit.application.port.out.webhook.SaveWebhookPort;
import dev.dotgit.application.port.out.webhook.WebhookOutboxPort;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.deployment.DeploymentStatus;
import dev.dotgit.domain.error.AlreadyExists;
import dev.dotgit.domain.repository.RepositoryId;
import dev.dotgit.domain.webhook.DeliveryAttempt;
import dev.dotgit.domain.webhook.DeliveryStatus;
import dev.dotgit.domain.webhook.DeploymentSnapshot;
import dev.dotgit.domain.webhook.PushSnapshot;
import dev.dotgit.domain.webhook.SubscriptionStatus;
import dev.dotgit.domain.webhook.WebhookApiVersion;
import dev.dotgit.domain.webhook.WebhookDelivery;
import dev.dotgit.domain.webhook.WebhookDeliveryId;
import dev.dotgit.domain.webhook.WebhookEvent;
import dev.dotgit.domain.webhook.WebhookEventId;
import dev.dotgit.domain.webhook.WebhookEventType;
import dev.dotgit.domain.webhook.WebhookId;
import dev.dotgit.domain.webhook.WebhookSecret;
import dev.dotgit.domain.webhook.WebhookSubscription;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Subscriptions, the event outbox, deliveries and attempts, in hand-written SQL on the caller's transaction. */
@Singleton
public class WebhookPersistenceAdapter implements LoadWebhookPort, SaveWebhookPort, WebhookOutboxPort,
        LoadWebhookDeliveryPort, SaveWebhookDeliveryPort {

    private static final String WHAT = "webhook storage";
    private static final String INSERT_WEBHOOK = """
            insert into webhooks (id, account, url, events, api_version, secret, status, disabled_reason, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_EVENT = """
            insert into webhook_events (id, event_type, account, deployment_id, seq, occurred_at, project_id,
                                        project_name, environment, branch, commit_sha, deployment_status,
                                        auto_rollback, url, deployment_created_at, started_at, completed_at,
                                        rolled_back_to, duration_ms)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_PUSH_EVENT = """
            insert into webhook_events (id, event_type, account, seq, occurred_at, repository_id, full_name, ref_name,
                                        before_sha, after_sha, pushed_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_DELIVERY = """
            insert into webhook_deliveries (id, account, webhook_id, event_id, event_type, status, redelivery_of,
                                            created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_ATTEMPT = """
            insert into webhook_delivery_attempts (delivery_id, attempt_number, attempted_at, http_status, error,
                                                   latency_ms)
            values (?, ?, ?, ?, ?, ?)""";

    private final JdbcOperations jdbc;

    WebhookPersistenceAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    // ---- subscriptions ----

    @Override
    public Optional<WebhookSubscription> findById(AccountSlug account, WebhookId id) {
        return findById(id).filter(subscription -> subscription.account().equals(account));
    }

    @Override
    public Optional<WebhookSubscription> findById(WebhookId id) {
        return guard(WHAT, () -> query("select * from webhooks where id = ?", List.of(id.value()),
                WebhookPersistenceAdapter::subscription).stream().findFirst());
    }

    @Override
    public Page<WebhookSubscription> list(AccountSlug account, PageRequest page) {
        return guard(WHAT, () -> NewestFirstQuery.select("w.*", "webhooks", "w")
                .where("w.account = ?", account.value())
                .fetch(jdbc, page, WebhookPersistenceAdapter::subscription));
    }

    @Override
    public List<WebhookSubscription> findActive(AccountSlug account) {
        return guard(WHAT, () -> query("select * from webhooks where account = ? and status = ?",
                List.of(account.value(), SubscriptionStatus.ACTIVE.wireName()), WebhookPersistenceAdapter::subscription));
    }

    @Override
    public WebhookSubscription insert(WebhookSubscription s) {
        try {
            SqlValues.executeUpdate(jdbc, INSERT_WEBHOOK, s.id().value(), s.account().value(), s.url().toString(),
                    StoredValues.join(s.events(), WebhookEventType::wireName), s.apiVersion().wireName(),
                    s.secret().value(), s.status().wireName(), s.disabledReason(), s.createdAt());
            return s;
        } catch (Exception e) {
            if (StorageFailures.isUniqueViolation(e)) {
                throw new AlreadyExists("webhook", "id", s.id().value());
            }
            throw StorageFailures.unavailable(WHAT, e);
        }
    }

    @Override
    public boolean disable(WebhookId id, String reason) {
        return guard(WHAT, () -> SqlValues.executeUpdate(jdbc,
                "update webhooks set status = ?, disabled_reason = ? where id = ? and status = ?",
                SubscriptionStatus.DISABLED.wireName(), reason, id.value(), SubscriptionStatus.ACTIVE.wireName()) == 1);
    }

    /** Deliveries and attempts go by cascade. */
    @Override
    public boolean delete(WebhookId id) {
        return guard(WHAT, () -> SqlValues.executeUpdate(jdbc, "delete from webhooks where id = ?", id.value()) == 1);
    }

    // ---- the outbox ----

    @Override
    public long nextSequence(DeploymentId deployment) {
        return guard(WHAT, () -> query("select coalesce(max(seq), 0) + 1 as next from webhook_events"
                + " where deployment_id = ?", List.of(deployment.value()), row -> row.getLong("next")).get(0));
    }

    @Override
    public long nextSequence(RepositoryId repository) {
        return guard(WHAT, () -> query("select coalesce(max(seq), 0) + 1 as next from webhook_events"
                + " where repository_id = ?", List.of(repository.value()), row -> row.getLong("next")).get(0));
    }

    @Override
    public void append(WebhookEvent e, List<WebhookDelivery> deliveries) {
        guard(WHAT, () -> {
            if (e.push() != null) {
                PushSnapshot p = e.push();
                SqlValues.executeUpdate(jdbc, INSERT_PUSH_EVENT, e.id().value(), e.type().wireName(),
                        e.account().value(), e.sequence(), e.occurredAt(), p.repositoryId(), p.fullName(), p.ref(),
                        p.before(), p.after(), p.pushedBy());
                deliveries.forEach(this::insertDelivery);
                return null;
            }
            DeploymentSnapshot d = e.deployment();
            SqlValues.executeUpdate(jdbc, INSERT_EVENT, e.id().value(), e.type().wireName(), e.account().value(),
                    d.deploymentId(), e.sequence(), e.occurredAt(), d.projectId(), d.projectName(), d.environment(),
                    d.branch(), d.commitSha(), d.status().name(), d.autoRollback(), d.url(), d.createdAt(),
                    d.startedAt(), d.completedAt(), d.rolledBackTo(), d.durationMs());
            deliveries.forEach(this::insertDelivery);
            return null;
        });
    }

    @Override
    public Optional<WebhookEvent> findEvent(WebhookEventId id) {
        return guard(WHAT, () -> query("select * from webhook_events where id = ?", List.of(id.value()),
                WebhookPersistenceAdapter::event).stream().findFirst());
    }

    // ---- deliveries ----

    @Override
    public Optional<WebhookDelivery> findById(WebhookDeliveryId id) {
        return guard(WHAT, () -> withAttempts(query("select * from webhook_deliveries where id = ?",
                List.of(id.value()), WebhookPersistenceAdapter::delivery)).stream().findFirst());
    }

    @Override
    public Page<WebhookDelivery> list(WebhookId subscription, Optional<DeliveryStatus> status, PageRequest page) {
        return guard(WHAT, () -> {
            NewestFirstQuery query = NewestFirstQuery.select("d.*", "webhook_deliveries", "d")
                    .where("d.webhook_id = ?", subscription.value());
            status.ifPresent(s -> query.where("d.status = ?", s.wireName()));
            Page<WebhookDelivery> found = query.fetch(jdbc, page, WebhookPersistenceAdapter::delivery);
            return new Page<>(withAttempts(found.items()), found.hasMore(), found.total());
        });
    }

    @Override
    public WebhookDelivery insert(WebhookDelivery delivery) {
        guard(WHAT, () -> {
            insertDelivery(delivery);
            return null;
        });
        return delivery;
    }

    /** The status condition makes a settled delivery refuse further attempts, whoever comes second. */
    @Override
    public boolean recordAttempt(WebhookDeliveryId id, DeliveryAttempt attempt, DeliveryStatus status) {
        return guard(WHAT, () -> {
            int updated = SqlValues.executeUpdate(jdbc,
                    "update webhook_deliveries set status = ? where id = ? and status = ?", status.wireName(),
                    id.value(), DeliveryStatus.PENDING.wireName());
            if (updated != 1) {
                return false;
            }
            if (attempt != null) {
                SqlValues.executeUpdate(jdbc, INSERT_ATTEMPT, id.value(), attempt.number(), attempt.at(),
                        attempt.httpStatus(), attempt.error(), attempt.latencyMs());
            }
            return true;
        });
    }

    @Override
    public int failPending(WebhookId subscription) {
        return guard(WHAT, () -> SqlValues.executeUpdate(jdbc,
                "update webhook_deliveries set status = ? where webhook_id = ? and status = ?",
                DeliveryStatus.FAILED.wireName(), subscription.value(), DeliveryStatus.PENDING.wireName()));
    }

    private void insertDelivery(WebhookDelivery d) {
        SqlValues.executeUpdate(jdbc, INSERT_DELIVERY, d.id().value(), d.account().value(), d.subscription().value(),
                d.event().value(), d.eventType().wireName(), d.status().wireName(),
                d.redeliveryOf() == null ? null : d.redeliveryOf().value(), d.createdAt());
        for (DeliveryAttempt attempt : d.attempts()) {
            SqlValues.executeUpdate(jdbc, INSERT_ATTEMPT, d.id().value(), attempt.number(), attempt.at(),
                    attempt.httpStatus(), attempt.error(), attempt.latencyMs());
        }
    }

    /** The deliveries with their attempts, read in one query for all of them. */
    private List<WebhookDelivery> withAttempts(List<WebhookDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return deliveries;
        }
        List<Object> ids = new ArrayList<>();
        deliveries.forEach(d -> ids.add(d.id().value()));
        Map<String, List<DeliveryAttempt>> attempts = new HashMap<>();
        query("select * from webhook_delivery_attempts where delivery_id in ("
                + NewestFirstQuery.placeholders(ids.size()) + ") order by delivery_id, attempt_number", ids, row -> {
                    attempts.computeIfAbsent(row.getString("delivery_id"), k -> new ArrayList<>()).add(
                            new DeliveryAttempt(row.getInt("attempt_number"), SqlValues.instant(row, "attempted_at"),
                                    (Integer) row.getObject("http_status", Integer.class), row.getString("error"),
                                    row.getLong("latency_ms")));
                    return null;
                });
        return deliveries.stream().map(d -> new WebhookDelivery(d.id(), d.account(), d.subscription(), d.event(),
                d.eventType(), d.status(), d.redeliveryOf(), d.createdAt(),
                attempts.getOrDefault(d.id().value(), List.of()))).toList();
    }

    // ---- rows ----

    private <T> List<T> query(String sql, Collection<Object> parameters, RowReader<T> reader) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                SqlValues.bindAll(statement, new ArrayList<>(parameters));
                try (ResultSet result = statement.executeQuery()) {
                    List<T> rows = new ArrayList<>();
                    while (result.next()) {
                        rows.add(reader.read(result));
                    }
                    return rows;
                }
            }
        });
    }

    private static WebhookSubscription subscription(ResultSet row) throws SQLException {
        WebhookApiVersion version = StoredValues.known(WebhookApiVersion.fromWire(row.getString("api_version")),
                "api_version", row.getString("api_version"));
        return new WebhookSubscription(new WebhookId(row.getString("id")), new AccountSlug(row.getString("account")),
                URI.create(row.getString("url")),
                StoredValues.split(row.getString("events"), wire -> StoredValues.known(WebhookEventType.fromWire(wire),
                        "event", wire)),
                version, new WebhookSecret(row.getString("secret")),
                SubscriptionStatus.valueOf(row.getString("status").toUpperCase(java.util.Locale.ROOT)),
                row.getString("disabled_reason"), SqlValues.instant(row, "created_at"));
    }

    private static WebhookEvent event(ResultSet row) throws SQLException {
        WebhookEventId id = new WebhookEventId(row.getString("id"));
        WebhookEventType type = StoredValues.known(WebhookEventType.fromWire(row.getString("event_type")), "event",
                row.getString("event_type"));
        AccountSlug account = new AccountSlug(row.getString("account"));
        if (type.isPushEvent()) {
            return new WebhookEvent(id, type, account, row.getLong("seq"), SqlValues.instant(row, "occurred_at"),
                    new PushSnapshot(row.getString("repository_id"), row.getString("full_name"),
                            row.getString("ref_name"), row.getString("before_sha"), row.getString("after_sha"),
                            row.getString("pushed_by")));
        }
        DeploymentSnapshot snapshot = new DeploymentSnapshot(row.getString("deployment_id"),
                row.getString("project_id"), row.getString("project_name"), row.getString("environment"),
                row.getString("branch"), row.getString("commit_sha"),
                DeploymentStatus.valueOf(row.getString("deployment_status")), row.getBoolean("auto_rollback"),
                row.getString("url"), SqlValues.instant(row, "deployment_created_at"),
                SqlValues.instant(row, "started_at"), SqlValues.instant(row, "completed_at"),
                row.getString("rolled_back_to"), (Long) row.getObject("duration_ms", Long.class));
        return new WebhookEvent(id, type, account, row.getLong("seq"), SqlValues.instant(row, "occurred_at"),
                snapshot);
    }

    private static WebhookDelivery delivery(ResultSet row) throws SQLException {
        String redeliveryOf = row.getString("redelivery_of");
        return new WebhookDelivery(new WebhookDeliveryId(row.getString("id")),
                new AccountSlug(row.getString("account")), new WebhookId(row.getString("webhook_id")),
                new WebhookEventId(row.getString("event_id")),
                StoredValues.known(WebhookEventType.fromWire(row.getString("event_type")), "event",
                        row.getString("event_type")),
                DeliveryStatus.fromWire(row.getString("status")).orElseThrow(),
                redeliveryOf == null ? null : new WebhookDeliveryId(redeliveryOf), SqlValues.instant(row, "created_at"),
                List.of());
    }
}
