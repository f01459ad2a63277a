package dev.dotgit.adapter.rest.v2.deployment;

import dev.dotgit.adapter.rest.v2.http.V2WireValues;
import dev.dotgit.application.port.in.platform.PlatformUrls;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.deployment.DeploymentStatus;
import java.time.Duration;
import java.util.List;
import org.mapstruct.BeanMapping;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;

/**
 * Domain deployments to v2 payloads. Both policies are errors: a response field must be filled,
 * and a domain field must be shown or listed here as hidden.
 *
 * <p>Never shown by v2: {@code envVars} (write-only), {@code account} and {@code version}
 * (internal), {@code autoRollback} and {@code rolledBackTo} (v2 has no rollback),
 * {@code cancelledBy}/{@code cancelledAt} and {@code failureReason} (not in v2's shapes; the
 * reason is in the log), {@code active} (derived from the status). {@code startedAt} is shown
 * only through {@code duration_ms}.
 */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA,
        unmappedTargetPolicy = ReportingPolicy.ERROR,
        unmappedSourcePolicy = ReportingPolicy.ERROR)
public interface DeploymentMapper extends V2WireValues {

    @Mapping(target = "url", source = "id", qualifiedByName = "siteUrl")
    @BeanMapping(ignoreUnmappedSourceProperties = {"account", "project", "repository", "branch", "commitSha",
            "environment", "strategy", "autoRollback", "envVars", "startedAt", "completedAt", "cancelledBy",
            "cancelledAt", "failureReason", "rolledBackTo", "version", "active"})
    DeploymentCreatedResponse toCreated(Deployment deployment, @Context PlatformUrls urls);

    @Mapping(target = "repoId", source = "repository")
    @Mapping(target = "projectId", source = "project")
    @Mapping(target = "env", source = "environment")
    @Mapping(target = "url", source = "id", qualifiedByName = "siteUrl")
    @Mapping(target = "durationMs", expression = "java(durationMs(deployment))")
    @BeanMapping(ignoreUnmappedSourceProperties = {"account", "autoRollback", "envVars", "startedAt",
            "cancelledBy", "cancelledAt", "failureReason", "rolledBackTo", "version", "active"})
    DeploymentResponse toResponse(Deployment deployment, @Context PlatformUrls urls);

    default List<DeploymentResponse> toResponses(List<Deployment> deployments, PlatformUrls urls) {
        return deployments.stream().map(d -> toResponse(d, urls)).toList();
    }

    default String status(DeploymentStatus status) {
        return status == null ? null : V2DeploymentStatus.wordFor(status);
    }

    @Named("siteUrl")
    default String siteUrl(DeploymentId id, @Context PlatformUrls urls) {
        return urls.deploymentSite(id);
    }

    default Long durationMs(Deployment deployment) {
        return deployment.buildDuration().map(Duration::toMillis).orElse(null);
    }
}
