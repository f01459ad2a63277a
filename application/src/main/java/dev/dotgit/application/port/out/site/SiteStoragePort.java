package dev.dotgit.application.port.out.site;

import dev.dotgit.domain.deployment.DeploymentId;
import java.nio.file.Path;
import java.util.Optional;

/** Where the files of deployed sites are kept and read from. */
public interface SiteStoragePort {

    /**
     * Copies the files under {@code source} as the deployment's site. Publishing is atomic: a
     * reader sees the old site (or none) until the new one is complete. Symbolic links that
     * point outside {@code source} are not followed.
     */
    PublishedSite publish(DeploymentId deployment, Path source);

    /**
     * The file for a request path ({@code /}, {@code /about}, {@code /css/site.css}): a
     * directory serves its {@code index.html}. Paths that would leave the site are empty.
     */
    Optional<SiteFile> open(DeploymentId deployment, String requestPath);

    /** Removes the deployment's site; nothing happens if there is none. */
    void delete(DeploymentId deployment);
}
