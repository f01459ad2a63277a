package dev.dotgit.application.port.out.webhook;

import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.webhook.WebhookId;
import dev.dotgit.domain.webhook.WebhookSubscription;
import java.util.List;
import java.util.Optional;

public interface LoadWebhookPort {

    /** The account's subscription with this id, active or disabled; another account's is not found. */
    Optional<WebhookSubscription> findById(AccountSlug account, WebhookId id);

    /** Any account's subscription with this id (for the delivery job, which acts for no caller). */
    Optional<WebhookSubscription> findById(WebhookId id);

    /** The account's subscriptions, newest first (created_at desc, id desc). */
    Page<WebhookSubscription> list(AccountSlug account, PageRequest page);

    /**
     * The account's active subscriptions. Asked on every deployment state change that raises
     * events, so it must be one query on an index that starts with the account.
     */
    List<WebhookSubscription> findActive(AccountSlug account);
}
