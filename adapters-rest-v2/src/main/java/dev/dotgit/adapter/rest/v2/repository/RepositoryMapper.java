package dev.dotgit.adapter.rest.v2.repository;

import dev.dotgit.adapter.rest.v2.http.V2WireValues;
import dev.dotgit.application.port.in.platform.PlatformUrls;
import dev.dotgit.domain.repository.Repository;
import java.util.List;
import org.mapstruct.BeanMapping;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/**
 * Domain repositories to v2 payloads. Both policies are errors, so a new domain field fails
 * the build until v2 decides whether to show it. The list item leaves out description,
 * status and clone url, as seed 002's list does.
 */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA,
        unmappedTargetPolicy = ReportingPolicy.ERROR,
        unmappedSourcePolicy = ReportingPolicy.ERROR)
public interface RepositoryMapper extends V2WireValues {

    @Mapping(target = "fullName", expression = "java(repository.fullName())")
    @Mapping(target = "cloneUrl", expression = "java(urls.cloneUrl(repository.fullName()))")
    @BeanMapping(ignoreUnmappedSourceProperties = "owner")
    RepositoryResponse toResponse(Repository repository, @Context PlatformUrls urls);

    @Mapping(target = "fullName", expression = "java(repository.fullName())")
    @BeanMapping(ignoreUnmappedSourceProperties = {"owner", "description", "status"})
    RepositoryListItem toListItem(Repository repository);

    List<RepositoryListItem> toListItems(List<Repository> repositories);
}
