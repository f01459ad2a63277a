package dev.dotgit.adapter.rest.v2.repository;

import dev.dotgit.adapter.rest.v2.deployment.V2DeploymentStatus;
import dev.dotgit.adapter.rest.v2.http.V2WireValues;
import dev.dotgit.application.port.in.platform.PlatformUrls;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.deployment.DeploymentStatus;
import java.util.List;
import org.mapstruct.BeanMapping;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;

/**
 * A repository's preview deployments as v2's preview list shows them: the branch, which
 * deployment, its status in v2's words, its hosted url and when it was created. Everything
 * else of the deployment is in {@code GET /v2/deployments/{id}}; env vars are never shown.
 */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA,
        unmappedTargetPolicy = ReportingPolicy.ERROR,
        unmappedSourcePolicy = ReportingPolicy.ERROR)
public interface PreviewMapper extends V2WireValues {

    @Mapping(target = "deploymentId", source = "id")
    @Mapping(target = "url", source = "id", qualifiedByName = "siteUrl")
    @BeanMapping(ignoreUnmappedSourceProperties = {"account", "project", "repository", "commitSha", "environment",
            "strategy", "autoRollback", "envVars", "progress", "startedAt", "completedAt", "cancelledBy",
            "cancelledAt", "failureReason", "rolledBackTo", "version", "active"})
    PreviewItem toItem(Deployment deployment, @Context PlatformUrls urls);

    default List<PreviewItem> toItems(List<Deployment> deployments, PlatformUrls urls) {
        return deployments.stream().map(d -> toItem(d, urls)).toList();
    }

    default String status(DeploymentStatus status) {
        return status == null ? null : V2DeploymentStatus.wordFor(status);
    }

    @Named("siteUrl")
    default String siteUrl(DeploymentId id, @Context PlatformUrls urls) {
        return urls.deploymentSite(id);
    }
}
