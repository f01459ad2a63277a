package dev.dotgit.application.service.hosting;

import dev.dotgit.application.port.in.hosting.ServeSiteQuery;
import dev.dotgit.application.port.in.hosting.SiteRequest;
import dev.dotgit.application.port.in.platform.PlatformUrls;
import dev.dotgit.application.port.out.deployment.LoadDeploymentPort;
import dev.dotgit.application.port.out.project.LoadProjectPort;
import dev.dotgit.application.port.out.site.SiteFile;
import dev.dotgit.application.port.out.site.SiteStoragePort;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.deployment.DeploymentStatus;
import dev.dotgit.domain.project.Project;
import java.util.Locale;
import java.util.Optional;

/**
 * Sites are public. A project alias ({@code <project>.<domain>}) belongs to the oldest
 * project of that name across accounts, so a later account cannot take over a name already
 * in use.
 */
public final class ServeSiteService implements ServeSiteQuery {

    private final LoadDeploymentPort deployments;
    private final LoadProjectPort projects;
    private final SiteStoragePort sites;
    /** ".<hosting-domain>": every request of the server is checked against it, so it is built once. */
    private final String siteHostSuffix;

    public ServeSiteService(PlatformUrls urls, LoadDeploymentPort deployments, LoadProjectPort projects,
                            SiteStoragePort sites) {
        this.deployments = deployments;
        this.projects = projects;
        this.sites = sites;
        this.siteHostSuffix = "." + urls.hostingDomain();
    }

    @Override
    public boolean isSiteHost(String host) {
        return label(host).isPresent();
    }

    @Override
    public Optional<SiteFile> find(SiteRequest request) {
        return label(request.host()).flatMap(this::liveDeployment)
                .flatMap(deployment -> sites.open(deployment, request.path()));
    }

    private Optional<DeploymentId> liveDeployment(String label) {
        Optional<DeploymentId> byId = DeploymentId.parse(label);
        if (byId.isPresent()) {
            return deployments.findById(byId.get())
                    .filter(d -> d.status() == DeploymentStatus.SUCCEEDED)
                    .map(Deployment::id);
        }
        if (!label.matches("[a-z0-9-]{3,30}")) {
            return Optional.empty();
        }
        return projects.findSiteAliasOwner(label).map(Project::liveProductionDeployment);
    }

    /** The single label in front of the hosting domain, e.g. {@code dep_abc} of {@code dep_abc.localhost:8080}. */
    private Optional<String> label(String host) {
        if (host == null) {
            return Optional.empty();
        }
        if (!host.regionMatches(true, host.length() - siteHostSuffix.length(), siteHostSuffix, 0,
                siteHostSuffix.length())) {
            return Optional.empty();
        }
        String label = host.substring(0, host.length() - siteHostSuffix.length()).toLowerCase(Locale.ROOT);
        return label.isEmpty() || label.contains(".") ? Optional.empty() : Optional.of(label);
    }
}
