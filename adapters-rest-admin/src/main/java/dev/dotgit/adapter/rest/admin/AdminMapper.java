package dev.dotgit.adapter.rest.admin;

import dev.dotgit.application.port.in.account.CreatedAccount;
import dev.dotgit.domain.account.Account;
import dev.dotgit.domain.account.Plan;
import dev.dotgit.domain.apikey.ApiKey;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.apikey.SecretKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface AdminMapper {

    @Mapping(target = "slug", source = "account.slug.value")
    @Mapping(target = "plan", source = "account.plan")
    @Mapping(target = "publicKey", source = "account.publicKey.value")
    @Mapping(target = "apiKey", expression = "java(toCreatedKey(created.adminKey(), created.secret()))")
    AdminDtos.CreatedAccountResponse toCreated(CreatedAccount created);

    @Mapping(target = "id", source = "key.id.value")
    @Mapping(target = "secret", source = "secret")
    @Mapping(target = "scopes", source = "key.scopes")
    AdminDtos.CreatedKey toCreatedKey(ApiKey key, SecretKey secret);

    /** The one place a secret is turned back into text: the creation reply. */
    default String reveal(SecretKey secret) {
        return secret.reveal();
    }

    @Mapping(target = "slug", source = "slug.value")
    @Mapping(target = "publicKey", source = "publicKey.value")
    @Mapping(target = "rateLimit.perMinute", expression = "java(account.effectiveRateLimit().perMinute())")
    @Mapping(target = "rateLimit.burst", expression = "java(account.effectiveRateLimit().burst())")
    @Mapping(target = "rateLimit.custom", expression = "java(account.customRateLimit() != null)")
    AdminDtos.AccountResponse toAccount(Account account);

    default String plan(Plan plan) {
        return plan.wireName();
    }

    default List<String> scopes(Set<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::wireName).toList();
    }

    default String timestamp(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
