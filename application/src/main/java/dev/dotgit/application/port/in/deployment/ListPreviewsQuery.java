package dev.dotgit.application.port.in.deployment;

import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.deployment.Deployment;

/**
 * The preview deployments of a repository: for each branch, its newest preview deployment,
 * whatever its status; newest first (keyset pages over that list).
 */
public interface ListPreviewsQuery {

    /** @param repositoryId as the caller sent it; a malformed or foreign id is not found */
    Page<Deployment> list(Caller caller, String repositoryId, PageRequest page);
}
