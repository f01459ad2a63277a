package dev.dotgit.adapter.rest.v3.deployment;

import dev.dotgit.adapter.rest.v3.http.V3WireValues;
import dev.dotgit.application.port.in.platform.PlatformUrls;
import dev.dotgit.domain.deployment.Deployment;
import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.deployment.DeploymentStatus;
import dev.dotgit.domain.deployment.LogLine;
import java.time.Instant;
import java.util.List;
import org.mapstruct.BeanMapping;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;

/**
 * Domain deployments to v3 payloads. Both policies are errors: a domain field must be shown
 * or listed here as hidden, so a change to the model forces a decision for v3 at compile time.
 *
 * <p>Never shown by v3: {@code envVars} (values are write-only), {@code account} and
 * {@code version} (internal), {@code repository} (the project names it), {@code strategy} and
 * {@code progress} (v2's), {@code cancelledBy}/{@code cancelledAt} (not in seed 000's object;
 * {@code completed_at} tells when), {@code failureReason} (the log says it), {@code active}
 * (derived from the status).
 */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA,
        unmappedTargetPolicy = ReportingPolicy.ERROR,
        unmappedSourcePolicy = ReportingPolicy.ERROR)
public interface DeploymentMapper extends V3WireValues {

    @Mapping(target = "projectId", source = "project")
    @Mapping(target = "url", source = "id", qualifiedByName = "siteUrl")
    @BeanMapping(ignoreUnmappedSourceProperties = {"account", "repository", "strategy", "envVars", "progress",
            "cancelledBy", "cancelledAt", "failureReason", "version", "active"})
    DeploymentResponse toResponse(Deployment deployment, @Context PlatformUrls urls);

    List<DeploymentResponse> toResponses(List<Deployment> deployments, @Context PlatformUrls urls);

    @Mapping(target = "ts", source = "timestamp", qualifiedByName = "unixSeconds")
    @Mapping(target = "msg", source = "message")
    @BeanMapping(ignoreUnmappedSourceProperties = "seq")
    LogLineItem toLogLine(LogLine line);

    List<LogLineItem> toLogLines(List<LogLine> lines);

    default String status(DeploymentStatus status) {
        return status == null ? null : V3DeploymentStatus.wordFor(status);
    }

    @Named("siteUrl")
    default String siteUrl(DeploymentId id, @Context PlatformUrls urls) {
        return urls.deploymentSite(id);
    }

    /** Seed 000 writes log times as unix seconds in a string: {@code "1718891200"}. */
    @Named("unixSeconds")
    default String unixSeconds(Instant instant) {
        return instant == null ? null : Long.toString(instant.getEpochSecond());
    }
}
