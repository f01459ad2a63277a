package dev.dotgit.application.port.out.deployment;

import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentId;
import java.util.Optional;

public interface LoadDeploymentPort {

    /** By id alone: for the pipeline and the hosting of sites, which act for no caller. */
    Optional<Deployment> findById(DeploymentId id);

    /** Newest first (created_at desc, id desc). */
    Page<Deployment> list(DeploymentQuery query, PageRequest page);
}
