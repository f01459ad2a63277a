package dev.dotgit.application.port.in.deployment;

import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.deployment.Deployment;

/** The caller's deployments, newest first, hiding those outside its key restrictions. */
public interface ListDeploymentsQuery {

    Page<Deployment> list(Caller caller, DeploymentListFilter filter, PageRequest page);
}
