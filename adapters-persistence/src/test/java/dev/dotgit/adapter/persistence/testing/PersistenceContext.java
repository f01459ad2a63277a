package dev.dotgit.adapter.persistence.testing;

import dev.dotgit.application.port.out.account.LoadAccountPort;
import dev.dotgit.application.port.out.account.SaveAccountPort;
import dev.dotgit.application.port.out.apikey.LoadApiKeyPort;
import dev.dotgit.application.port.out.apikey.SaveApiKeyPort;
import dev.dotgit.application.port.out.contract.IdempotencyPorts;
import dev.dotgit.application.port.out.contract.PersistencePorts;
import dev.dotgit.application.port.out.idempotency.ClaimIdempotencyKeyPort;
import dev.dotgit.application.port.out.idempotency.PurgeExpiredIdempotencyKeysPort;
import dev.dotgit.application.port.out.contract.WebhookPorts;
import dev.dotgit.application.port.out.contract.ServiceAccountPorts;
import dev.dotgit.application.port.out.serviceaccount.LoadServiceAccountPort;
import dev.dotgit.application.port.out.serviceaccount.SaveServiceAccountPort;
import dev.dotgit.application.port.out.serviceaccount.TokenSigningKeyPort;
import dev.dotgit.application.port.out.webhook.LoadWebhookDeliveryPort;
import dev.dotgit.application.port.out.webhook.LoadWebhookPort;
import dev.dotgit.application.port.out.webhook.SaveWebhookDeliveryPort;
import dev.dotgit.application.port.out.webhook.SaveWebhookPort;
import dev.dotgit.application.port.out.webhook.WebhookOutboxPort;
import dev.dotgit.application.port.out.deployment.AppendDeploymentLogPort;
import dev.dotgit.application.port.out.deployment.DeleteDeploymentPort;
import dev.dotgit.application.port.out.deployment.LoadDeploymentLogPort;
import dev.dotgit.application.port.out.deployment.LoadDeploymentPort;
import dev.dotgit.application.port.out.deployment.SaveDeploymentPort;
import dev.dotgit.application.port.out.project.LoadProjectPort;
import dev.dotgit.application.port.out.project.SaveProjectPort;
import dev.dotgit.application.port.out.repository.LoadRepositoryPort;
import dev.dotgit.application.port.out.repository.SaveRepositoryPort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Starts the module the way the server will: a Micronaut context with nothing but the
 * datasource settings, Flyway migrating on start, and every port taken from the context by
 * its interface type (which is how bootstrap's factory injects them).
 */
public final class PersistenceContext {

    /** The embedded default's options; bootstrap uses the same on its file URL. */
    public static final String H2_OPTIONS =
            ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";

    private PersistenceContext() {
    }

    public static ApplicationContext start(String url, String username, String password) {
        return start(url, username, password, Map.of());
    }

    /** @param extra further settings, e.g. pool options a test needs */
    public static ApplicationContext start(String url, String username, String password, Map<String, Object> extra) {
        Map<String, Object> configuration = new HashMap<>(Map.of(
                "datasources.default.url", url,
                "datasources.default.username", username,
                "datasources.default.password", password,
                "flyway.datasources.default.enabled", true));
        configuration.putAll(extra);
        return ApplicationContext.run(configuration);
    }

    /** The connection pool itself, beneath Micronaut's transaction-aware wrapper. */
    public static DataSource pool(ApplicationContext context) {
        return DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
    }

    /** Runs one statement on a connection of its own, outside any transaction of the ports. */
    public static void execute(ApplicationContext context, String sql) throws SQLException {
        try (Connection connection = pool(context).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    public static IdempotencyPorts idempotencyPortsOf(ApplicationContext context) {
        return new IdempotencyPorts(context.getBean(RunInTransactionPort.class),
                context.getBean(ClaimIdempotencyKeyPort.class), context.getBean(PurgeExpiredIdempotencyKeysPort.class));
    }

    public static ServiceAccountPorts serviceAccountPortsOf(ApplicationContext context) {
        return new ServiceAccountPorts(context.getBean(LoadServiceAccountPort.class),
                context.getBean(SaveServiceAccountPort.class), context.getBean(TokenSigningKeyPort.class));
    }

    public static WebhookPorts webhookPortsOf(ApplicationContext context) {
        return new WebhookPorts(context.getBean(RunInTransactionPort.class), context.getBean(LoadWebhookPort.class),
                context.getBean(SaveWebhookPort.class), context.getBean(WebhookOutboxPort.class),
                context.getBean(LoadWebhookDeliveryPort.class), context.getBean(SaveWebhookDeliveryPort.class));
    }

    public static PersistencePorts portsOf(ApplicationContext context) {
        return new PersistencePorts(context.getBean(RunInTransactionPort.class),
                context.getBean(LoadAccountPort.class), context.getBean(SaveAccountPort.class),
                context.getBean(LoadApiKeyPort.class), context.getBean(SaveApiKeyPort.class),
                context.getBean(LoadProjectPort.class), context.getBean(SaveProjectPort.class),
                context.getBean(LoadRepositoryPort.class), context.getBean(SaveRepositoryPort.class),
                context.getBean(LoadDeploymentPort.class), context.getBean(SaveDeploymentPort.class),
                context.getBean(DeleteDeploymentPort.class),
                context.getBean(AppendDeploymentLogPort.class), context.getBean(LoadDeploymentLogPort.class));
    }
}
