package dev.dotgit.application.port.in.apikey;

import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.ApiKey;

/** The account's keys that are not revoked (expired ones included), newest first; needs deploy:admin. */
public interface ListApiKeysQuery {

    Page<ApiKey> list(Caller caller, PageRequest page);
}
