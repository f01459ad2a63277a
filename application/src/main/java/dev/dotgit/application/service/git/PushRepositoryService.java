package dev.dotgit.application.service.git;

import dev.dotgit.application.port.in.git.GitRepositoryPath;
import dev.dotgit.application.port.in.git.PushRepositoryUseCase;
import dev.dotgit.application.port.out.git.PushRules;
import dev.dotgit.application.port.out.git.RefUpdate;
import dev.dotgit.application.port.out.git.ServeGitProtocolPort;
import dev.dotgit.application.port.out.git.ServeGitProtocolPort.GitService;
import dev.dotgit.application.port.out.repository.LoadRepositoryPort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import dev.dotgit.application.service.access.VisibleObjects;
import dev.dotgit.application.service.webhook.WebhookEvents;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.repository.Repository;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Receives a push, then records its webhook events.
 *
 * <p>The refs live in git, not in the database, so the push and its events cannot share one
 * transaction: git moves the refs first (the protocol adapter has done so, and told the client,
 * when {@code receivePack} returns), then one transaction records an event per updated ref. A
 * node that dies between the two, or a database that refuses the write, leaves a push that
 * happened and no event for it. That is the accepted gap: the opposite order could announce a
 * push git then refused, which is worse for receivers that deploy on it, and the refs on disk
 * are the truth a receiver can always re-read.
 */
public final class PushRepositoryService implements PushRepositoryUseCase {

    private static final System.Logger LOG = System.getLogger(PushRepositoryService.class.getName());

    private final GitRepositories repositories;
    private final ServeGitProtocolPort git;
    private final RunInTransactionPort transactions;
    private final WebhookEvents webhookEvents;

    public PushRepositoryService(LoadRepositoryPort repositories, VisibleObjects visible, ServeGitProtocolPort git,
                                 RunInTransactionPort transactions, WebhookEvents webhookEvents) {
        this.repositories = new GitRepositories(repositories, visible);
        this.git = git;
        this.transactions = transactions;
        this.webhookEvents = webhookEvents;
    }

    @Override
    public void advertiseRefs(Caller caller, GitRepositoryPath path, OutputStream out) {
        Repository repository = repositories.authorise(caller, path, Scope.WRITE);
        GitRepositories.speaking(() -> git.advertise(repository.id(), GitService.RECEIVE_PACK, out));
    }

    @Override
    public int push(Caller caller, GitRepositoryPath path, InputStream in, OutputStream out) {
        Repository repository = repositories.authorise(caller, path, Scope.WRITE);
        PushRules rules = new PushRules("refs/heads/" + repository.defaultBranch().value());
        List<RefUpdate> updated = GitRepositories.speaking(() -> git.receivePack(repository.id(), rules, in, out));
        if (updated.isEmpty()) {
            return 0;
        }
        try {
            transactions.inTransaction(() -> webhookEvents.repositoryPushed(repository, caller.principal(), updated));
        } catch (RuntimeException e) {
            // The client has already been told the push succeeded, and it did: see the class comment.
            LOG.log(System.Logger.Level.ERROR, "push to " + repository.fullName() + " updated " + updated.size()
                    + " ref(s), but its webhook events could not be recorded", e);
        }
        return updated.size();
    }
}
