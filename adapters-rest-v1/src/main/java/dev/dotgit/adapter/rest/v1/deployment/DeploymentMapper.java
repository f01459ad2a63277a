package dev.dotgit.adapter.rest.v1.deployment;

import dev.dotgit.adapter.rest.v1.http.V1WireValues;
import dev.dotgit.application.port.in.platform.PlatformUrls;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.deployment.DeploymentStatus;
import dev.dotgit.domain.deployment.LogLine;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.mapstruct.BeanMapping;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;

/**
 * Domain deployments to v1 payloads. Both policies are errors: a response field must be
 * filled, and a domain field must be shown or listed here as hidden, so a change to the model
 * forces a decision for v1 at compile time.
 *
 * <p>Never shown by v1: {@code envVars} (values are write-only), {@code account} and
 * {@code version} (internal), {@code repository}, {@code strategy}, {@code autoRollback},
 * {@code progress} and {@code failureReason} (not part of v1's shapes; the reason is in the log),
 * {@code active} (derived from the status, which is shown). {@code startedAt} is shown only
 * through {@code build_duration}: seed 004 has no field for it.
 */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA,
        unmappedTargetPolicy = ReportingPolicy.ERROR,
        unmappedSourcePolicy = ReportingPolicy.ERROR)
public interface DeploymentMapper extends V1WireValues {

    @Mapping(target = "url", source = "id", qualifiedByName = "apiUrl")
    @Mapping(target = "startedAt", source = "createdAt")
    @BeanMapping(ignoreUnmappedSourceProperties = {"account", "project", "repository", "branch", "commitSha",
            "environment", "strategy", "autoRollback", "envVars", "progress", "startedAt", "completedAt",
            "cancelledBy", "cancelledAt", "failureReason", "rolledBackTo", "version", "active"})
    DeploymentStartedResponse toStarted(Deployment deployment, @Context PlatformUrls urls);

    @Mapping(target = "projectId", source = "project")
    @Mapping(target = "url", source = "id", qualifiedByName = "siteUrl")
    @BeanMapping(ignoreUnmappedSourceProperties = {"account", "repository", "environment", "strategy",
            "autoRollback", "envVars", "progress", "startedAt", "completedAt", "cancelledBy", "cancelledAt",
            "failureReason", "rolledBackTo", "version", "active"})
    DeploymentCreatedResponse toCreated(Deployment deployment, @Context PlatformUrls urls);

    @Mapping(target = "projectId", source = "project")
    @Mapping(target = "buildDuration", expression = "java(buildDuration(deployment))")
    @Mapping(target = "deployUrl", source = "id", qualifiedByName = "siteUrl")
    @Mapping(target = "logsUrl", source = "id", qualifiedByName = "logsUrl")
    @BeanMapping(ignoreUnmappedSourceProperties = {"account", "repository", "strategy", "autoRollback", "envVars",
            "progress", "startedAt", "cancelledBy", "cancelledAt", "failureReason", "version", "active"})
    DeploymentResponse toResponse(Deployment deployment, @Context PlatformUrls urls);

    @BeanMapping(ignoreUnmappedSourceProperties = {"account", "project", "repository", "commitSha", "environment",
            "strategy", "autoRollback", "envVars", "progress", "startedAt", "completedAt", "cancelledBy",
            "cancelledAt", "failureReason", "rolledBackTo", "version", "active"})
    DeploymentListItem toListItem(Deployment deployment);

    List<DeploymentListItem> toListItems(List<Deployment> deployments);

    @BeanMapping(ignoreUnmappedSourceProperties = {"account", "project", "repository", "branch", "commitSha",
            "environment", "strategy", "autoRollback", "envVars", "progress", "createdAt", "startedAt",
            "completedAt", "failureReason", "rolledBackTo", "version", "active"})
    DeploymentCancelledResponse toCancelled(Deployment deployment);

    @BeanMapping(ignoreUnmappedSourceProperties = "seq")
    LogLineItem toLogLine(LogLine line);

    List<LogLineItem> toLogLines(List<LogLine> lines);

    default String status(DeploymentStatus status) {
        return status == null ? null : V1DeploymentStatus.wordFor(status);
    }

    @Named("apiUrl")
    default String apiUrl(DeploymentId id, @Context PlatformUrls urls) {
        return urls.api("/v1/deployments/" + id.value());
    }

    @Named("siteUrl")
    default String siteUrl(DeploymentId id, @Context PlatformUrls urls) {
        return urls.deploymentSite(id);
    }

    @Named("logsUrl")
    default String logsUrl(DeploymentId id, @Context PlatformUrls urls) {
        return urls.api("/v1/deployments/" + id.value() + "/logs");
    }

    /** From the start of the build to the final state, one decimal: {@code "14.2s"}; null until both are known. */
    default String buildDuration(Deployment deployment) {
        return deployment.buildDuration().map(DeploymentMapper::seconds).orElse(null);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
}
