package dev.dotgit.adapter.rest.v3.apikey;

import dev.dotgit.adapter.rest.v3.http.V3WireValues;
import dev.dotgit.application.port.in.apikey.IssuedApiKey;
import dev.dotgit.domain.apikey.ApiKey;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.apikey.SecretKey;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.project.ProjectId;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/**
 * API keys to v3 payloads. Never shown: {@code secretHash} (nothing but the creation reply
 * carries the secret itself), {@code account} (the caller's own), {@code revokedAt} (revoked keys
 * are not listed at all). Sets are written as lists in a stable order (scopes narrowest first).
 */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA,
        unmappedTargetPolicy = ReportingPolicy.ERROR,
        unmappedSourcePolicy = ReportingPolicy.ERROR)
public interface ApiKeyMapper extends V3WireValues {

    @Mapping(target = "id", source = "key.id")
    @Mapping(target = "name", source = "key.name")
    @Mapping(target = "secret", source = "secret")
    @Mapping(target = "prefix", expression = "java(issued.prefix())")
    @Mapping(target = "lastFour", source = "key.lastFour")
    @Mapping(target = "scopes", source = "key.scopes")
    @Mapping(target = "projectIds", source = "key.projects")
    @Mapping(target = "environments", source = "key.environments")
    @Mapping(target = "expiresAt", source = "key.expiresAt")
    @Mapping(target = "createdAt", source = "key.createdAt")
    ApiKeyResponse toCreated(IssuedApiKey issued);

    @Mapping(target = "prefix", expression = "java(listedPrefix())")
    @Mapping(target = "projectIds", source = "projects")
    @BeanMapping(ignoreUnmappedSourceProperties = {"account", "secretHash", "revokedAt"})
    ApiKeyListItem toListItem(ApiKey key);

    List<ApiKeyListItem> toListItems(List<ApiKey> keys);

    /** Every secret key the server issues or accepts starts so (CONTRACT C7). */
    default String listedPrefix() {
        return SecretKey.PREFIX;
    }

    default List<String> scopes(Set<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::wireName).toList();
    }

    default List<String> projectIds(Set<ProjectId> projects) {
        return projects.stream().map(ProjectId::value).sorted(Comparator.naturalOrder()).toList();
    }

    default List<String> environments(Set<Environment> environments) {
        return environments.stream().sorted().map(Environment::wireName).toList();
    }
}
