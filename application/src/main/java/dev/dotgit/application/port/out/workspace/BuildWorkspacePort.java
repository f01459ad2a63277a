package dev.dotgit.application.port.out.workspace;

import dev.dotgit.domain.deployment.DeploymentId;
import java.nio.file.Path;

/** Scratch directories where deployments are checked out and built. */
public interface BuildWorkspacePort {

    /** A fresh, empty directory for this deployment (anything left from an earlier attempt is removed). */
    Path create(DeploymentId deployment);

    /** Removes the deployment's workspace; nothing happens if it does not exist. */
    void delete(DeploymentId deployment);
}
