package dev.dotgit.application.port.in.webhook;

import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.domain.access.Caller;

/** The account's subscriptions, whichever version created them, newest first; needs deploy:admin. */
public interface ListWebhooksQuery {

    Page<Webhook> list(Caller caller, PageRequest page);
}
