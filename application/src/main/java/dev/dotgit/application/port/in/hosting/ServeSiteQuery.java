package dev.dotgit.application.port.in.hosting;

import dev.dotgit.application.port.out.site.SiteFile;
import java.util.Optional;

/**
 * Finds the file a hosted-site request asks for: {@code dep_….<domain>} serves that
 * deployment once it is live, {@code <project>.<domain>} serves the project's production
 * deployment. A deleted deployment is gone from the database first, so its site stops
 * answering at once.
 */
public interface ServeSiteQuery {

    /** Whether the host names a site (a sub-domain of the hosting domain) rather than the API. */
    boolean isSiteHost(String host);

    Optional<SiteFile> find(SiteRequest request);
}
