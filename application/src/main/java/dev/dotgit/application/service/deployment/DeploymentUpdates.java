package dev.dotgit.application.service.deployment;

import dev.dotgit.application.port.out.deployment.AppendDeploymentLogPort;
import dev.dotgit.application.port.out.deployment.LoadDeploymentPort;
import dev.dotgit.application.port.out.deployment.SaveDeploymentPort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.application.service.webhook.WebhookEvents;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.deployment.LogEntry;
import dev.dotgit.domain.error.ConcurrentModification;
import dev.dotgit.domain.error.NotFound;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Read–change–write of one deployment under optimistic locking, with the log lines that
 * explain the change written in the same transaction.
 *
 * <p>How races end: two writers (a cancel and the pipeline, say) both read version n; the
 * first to commit moves the row to n+1, the second's write matches no row and fails with
 * {@link ConcurrentModification}. The loser re-reads and re-applies its change to the
 * winner's state, where the state machine decides: a cancel after success is refused, a
 * success after a cancel is refused. So exactly one final state is ever stored.
 */
public final class DeploymentUpdates {

    static final int MAX_ATTEMPTS = 8;

    private final RunInTransactionPort transactions;
    private final LoadDeploymentPort deployments;
    private final SaveDeploymentPort saveDeployments;
    private final AppendDeploymentLogPort logs;
    private final WebhookEvents events;

    public DeploymentUpdates(RunInTransactionPort transactions, LoadDeploymentPort deployments,
                             SaveDeploymentPort saveDeployments, AppendDeploymentLogPort logs, WebhookEvents events) {
        this.transactions = transactions;
        this.deployments = deployments;
        this.saveDeployments = saveDeployments;
        this.logs = logs;
        this.events = events;
    }

    /**
     * Applies {@code change} to the stored deployment and saves it, retrying on conflicts. A
     * change into a new state records the webhook events that state raises (a cancel, a failure)
     * in the same transaction, so the event exists exactly when the state does.
     * Errors thrown by {@code change} (illegal transitions) propagate unchanged.
     *
     * @throws NotFound if the deployment no longer exists
     */
    public Deployment apply(DeploymentId id, UnaryOperator<Deployment> change,
                            Function<Deployment, List<LogEntry>> explain) {
        return retryOnConflict(transactions, () -> {
            Deployment current = deployments.findById(id).orElseThrow(() -> new NotFound("deployment", id.value()));
            Deployment saved = saveDeployments.update(change.apply(current));
            List<LogEntry> lines = explain.apply(saved);
            if (!lines.isEmpty()) {
                logs.append(id, lines);
            }
            if (saved.status() != current.status()) {
                events.deploymentEntered(saved);
            }
            return saved;
        });
    }

    /**
     * Runs {@code work} in a transaction, and again in a fresh one (re-reading everything)
     * each time it loses a race with {@link ConcurrentModification}, up to
     * {@value #MAX_ATTEMPTS} times. Every read–check–write of a deployment goes through here,
     * so every race on one ends the way the class comment says.
     */
    public static <T> T retryOnConflict(RunInTransactionPort transactions, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.inTransaction(work);
            } catch (ConcurrentModification e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
