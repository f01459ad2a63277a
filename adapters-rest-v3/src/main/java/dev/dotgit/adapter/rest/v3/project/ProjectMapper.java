package dev.dotgit.adapter.rest.v3.project;

import dev.dotgit.adapter.rest.v3.http.V3WireValues;
import dev.dotgit.domain.project.ProjectOverview;
import java.util.List;
import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/**
 * Domain projects to v3 payloads. Both policies are errors, so a new domain field fails the
 * build until v3 decides whether to show it.
 *
 * <p>v3 shows the reported status ({@code building} while a deployment runs, from the
 * overview's {@code building}); hidden: {@code account} and {@code version} (internal),
 * the stored {@code status} (the reported one replaces it) and {@code liveProductionDeployment}
 * (not part of seed 000's project).
 */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA,
        unmappedTargetPolicy = ReportingPolicy.ERROR,
        unmappedSourcePolicy = ReportingPolicy.ERROR)
public interface ProjectMapper extends V3WireValues {

    @Mapping(target = "id", source = "project.id")
    @Mapping(target = "name", source = "project.name")
    @Mapping(target = "status", expression = "java(overview.reportedStatus().wireName())")
    @Mapping(target = "createdAt", source = "project.createdAt")
    @Mapping(target = "lastDeploy", source = "project.lastDeployAt")
    @Mapping(target = "framework", source = "project.framework")
    @Mapping(target = "repoId", source = "project.repository")
    @Mapping(target = "buildCommand", source = "project.buildSettings.buildCommand")
    @Mapping(target = "outputDirectory", source = "project.buildSettings.outputDirectory")
    @BeanMapping(ignoreUnmappedSourceProperties = "building")
    ProjectResponse toResponse(ProjectOverview overview);

    @Mapping(target = "id", source = "project.id")
    @Mapping(target = "name", source = "project.name")
    @Mapping(target = "status", expression = "java(overview.reportedStatus().wireName())")
    @Mapping(target = "createdAt", source = "project.createdAt")
    @Mapping(target = "lastDeploy", source = "project.lastDeployAt")
    @BeanMapping(ignoreUnmappedSourceProperties = "building")
    ProjectListItem toListItem(ProjectOverview overview);

    List<ProjectListItem> toListItems(List<ProjectOverview> overviews);
}
