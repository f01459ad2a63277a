package dev.dotgit.adapter.rest.v2.serviceaccount;

import dev.dotgit.adapter.rest.v2.http.V2WireValues;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.project.ProjectId;
import dev.dotgit.domain.serviceaccount.ClientId;
import dev.dotgit.domain.serviceaccount.ServiceAccount;
import dev.dotgit.domain.serviceaccount.ServiceAccountId;
import java.util.List;
import java.util.Set;
import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/**
 * Service accounts to v2 payloads. The account is implied by the caller and the secret's hash is
 * never shown; any new field fails the build until v2 decides whether to show it.
 */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA,
        unmappedTargetPolicy = ReportingPolicy.ERROR,
        unmappedSourcePolicy = ReportingPolicy.ERROR)
public interface ServiceAccountMapper extends V2WireValues {

    @Mapping(target = "projectIds", source = "projects")
    @BeanMapping(ignoreUnmappedSourceProperties = {"account", "secretHash"})
    ServiceAccountResponse toResponse(ServiceAccount serviceAccount);

    List<ServiceAccountResponse> toResponses(List<ServiceAccount> serviceAccounts);

    default String serviceAccountId(ServiceAccountId id) {
        return id == null ? null : id.value();
    }

    default String clientId(ClientId id) {
        return id == null ? null : id.value();
    }

    /** Narrowest first, as {@code deploy:read}, {@code deploy:write}, {@code deploy:admin}. */
    default List<String> scopeNames(Set<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::wireName).toList();
    }

    default List<String> projectIds(Set<ProjectId> projects) {
        return projects.stream().map(ProjectId::value).sorted().toList();
    }
}
