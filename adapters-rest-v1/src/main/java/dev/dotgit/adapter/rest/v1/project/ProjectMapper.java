package dev.dotgit.adapter.rest.v1.project;

import dev.dotgit.adapter.rest.v1.http.V1WireValues;
import dev.dotgit.domain.project.Project;
import java.util.List;
import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/**
 * Domain projects to v1 payloads. Both policies are errors: a field added to a response
 * must be filled, and a field added to the domain must be either shown or listed below as
 * deliberately hidden, so every change to the model forces a decision for v1 at compile time.
 *
 * <p>v1 shows neither a project's status nor its last or live deployment (those arrived with
 * v3); account and version are internal. For the same reason the mappers take the
 * {@link Project} of a {@code ProjectOverview}: what the overview adds (whether a deployment
 * is running) only feeds a status v1 does not have.
 */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA,
        unmappedTargetPolicy = ReportingPolicy.ERROR,
        unmappedSourcePolicy = ReportingPolicy.ERROR)
public interface ProjectMapper extends V1WireValues {

    @Mapping(target = "repoId", source = "repository")
    @Mapping(target = "buildCommand", source = "buildSettings.buildCommand")
    @Mapping(target = "outputDirectory", source = "buildSettings.outputDirectory")
    @BeanMapping(ignoreUnmappedSourceProperties = {"account", "status", "lastDeployAt", "liveProductionDeployment",
            "version"})
    ProjectResponse toResponse(Project project);

    @BeanMapping(ignoreUnmappedSourceProperties = {"account", "repository", "buildSettings", "status",
            "lastDeployAt", "liveProductionDeployment", "version"})
    ProjectListItem toListItem(Project project);

    List<ProjectListItem> toListItems(List<Project> projects);
}
