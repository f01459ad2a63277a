package dev.dotgit.domain.project;

import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.error.ProjectArchived;
import dev.dotgit.domain.repository.RepositoryId;
import dev.dotgit.domain.repository.RepositoryName;
import java.time.Instant;
import java.util.Objects;

/**
 * A deployable site: connected to exactly one repository, built with its build settings.
 *
 * @param framework                  free text such as {@code nextjs}, or null
 * @param lastDeployAt               when a deployment of this project last went live, or null
 * @param liveProductionDeployment   the deployment now serving production, or null
 * @param version                    optimistic-locking counter, owned by storage
 */
public record Project(ProjectId id, AccountSlug account, RepositoryName name, String framework,
                      RepositoryId repository, BuildSettings buildSettings, ProjectStatus status,
                      Instant createdAt, Instant lastDeployAt, DeploymentId liveProductionDeployment,
                      long version) {

    public static final int MAX_FRAMEWORK_LENGTH = 50;

    public Project {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        buildSettings = buildSettings == null ? BuildSettings.NONE : buildSettings;
        if (framework != null && framework.length() > MAX_FRAMEWORK_LENGTH) {
            throw new IllegalArgumentException("framework too long");
        }
    }

    public static Project create(AccountSlug account, RepositoryName name, String framework, RepositoryId repository,
                                 BuildSettings buildSettings, Instant now) {
        return new Project(ProjectId.generate(), account, name, framework, repository, buildSettings,
                ProjectStatus.ACTIVE, now, null, null, 0);
    }

    public void requireActive() {
        if (status == ProjectStatus.ARCHIVED) {
            throw new ProjectArchived(id.value());
        }
    }

    public Project archive() {
        return new Project(id, account, name, framework, repository, buildSettings, ProjectStatus.ARCHIVED,
                createdAt, lastDeployAt, liveProductionDeployment, version);
    }

    /** A deployment of this project went live: production deployments also take over the production alias. */
    public Project recordLive(DeploymentId deployment, boolean production, Instant at) {
        return new Project(id, account, name, framework, repository, buildSettings, status, createdAt, at,
                production ? deployment : liveProductionDeployment, version);
    }

    /** The same project as storage now holds it, at {@code newVersion}. */
    public Project withVersion(long newVersion) {
        return new Project(id, account, name, framework, repository, buildSettings, status, createdAt, lastDeployAt,
                liveProductionDeployment, newVersion);
    }

    /** The host label of the project's production site: {@code http://<label>.<hosting-domain>}. */
    public String siteLabel() {
        return siteLabelOf(name);
    }

    /**
     * A name as one DNS label: lower case, with '.' and '_' (allowed in names, not in host
     * labels that browsers resolve as one) turned into '-'. {@code My.Site} → {@code my-site}.
     * Two names may share a label; the oldest project holding it owns the alias.
     */
    public static String siteLabelOf(RepositoryName name) {
        return name.value().toLowerCase(java.util.Locale.ROOT).replace('.', '-').replace('_', '-');
    }

    public boolean isLiveInProduction(DeploymentId deployment) {
        return deployment.equals(liveProductionDeployment);
    }
}
