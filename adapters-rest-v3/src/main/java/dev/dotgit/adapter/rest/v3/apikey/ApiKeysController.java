package dev.dotgit.adapter.rest.v3.apikey;

import dev.dotgit.adapter.rest.v3.error.V3ErrorEnvelope;
import dev.dotgit.adapter.rest.v3.error.V3ErrorRenderer;
import dev.dotgit.adapter.rest.v3.http.AuthenticatedCaller;
import dev.dotgit.adapter.rest.v3.http.Cursors;
import dev.dotgit.adapter.rest.v3.http.JsonBody;
import dev.dotgit.adapter.rest.v3.http.Pagination;
import dev.dotgit.adapter.rest.v3.http.QueryParameters;
import dev.dotgit.adapter.rest.v3.http.ReadRoutes;
import dev.dotgit.application.port.in.apikey.CreateApiKeyCommand;
import dev.dotgit.application.port.in.apikey.CreateApiKeyUseCase;
import dev.dotgit.application.port.in.apikey.IssuedApiKey;
import dev.dotgit.application.port.in.apikey.ListApiKeysQuery;
import dev.dotgit.application.port.in.apikey.RevokeApiKeyUseCase;
import dev.dotgit.application.port.in.paging.ListPosition;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.in.platform.PlatformUrls;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.ApiKey;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.deployment.Environment;
import dev.dotgit.domain.error.InvalidInput;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /v3/api-keys} (CONTRACT §5): issue a key (its secret is shown once, here), list the
 * account's keys without secrets, revoke one. What a caller may issue (an unrestricted admin key,
 * never beyond its own reach) is the use case's decision.
 */
@Controller("/v3/api-keys")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ApiKeysController {

    static final List<String> CREATE_FIELDS = List.of("name", "scopes", "project_ids", "environments", "expires_at");

    private final CreateApiKeyUseCase createKey;
    private final ListApiKeysQuery listKeys;
    private final RevokeApiKeyUseCase revokeKey;
    private final ApiKeyMapper mapper;
    private final PlatformUrls urls;
    private final V3ErrorRenderer errors;

    ApiKeysController(CreateApiKeyUseCase createKey, ListApiKeysQuery listKeys, RevokeApiKeyUseCase revokeKey,
                      ApiKeyMapper mapper, PlatformUrls urls, V3ErrorRenderer errors) {
        this.createKey = createKey;
        this.listKeys = listKeys;
        this.revokeKey = revokeKey;
        this.mapper = mapper;
        this.urls = urls;
        this.errors = errors;
    }

    /** {@code scopes}* (of deploy:read, deploy:write, deploy:admin), {@code name}, {@code project_ids}, {@code environments}, {@code expires_at} (ISO-8601). */
    @Post(consumes = MediaType.ALL)
    HttpResponse<ApiKeyResponse> create(@AuthenticatedCaller Caller caller, HttpRequest<?> request,
                                        @Nullable @Body byte[] body) {
        IssuedApiKey issued = createKey.create(caller, createCommand(JsonBody.parse(request, body, CREATE_FIELDS)));
        ApiKeyResponse created = mapper.toCreated(issued);
        return HttpResponse.created(created, URI.create(urls.api("/v3/api-keys/" + created.id())));
    }

    /** The create body read into its command; every problem with it is an {@code InvalidInput} (fuzzed). */
    static CreateApiKeyCommand createCommand(JsonBody fields) {
        String name = fields.optionalString("name");
        List<String> scopes = fields.optionalStringList("scopes");
        List<String> projectIds = fields.optionalStringList("project_ids");
        List<String> environments = fields.optionalStringList("environments");
        String expiresAt = fields.optionalString("expires_at");
        if (scopes == null) {
            fields.check(() -> {
                throw InvalidInput.missing("scopes");
            });
        }
        Set<Scope> parsedScopes = scopes == null ? Set.of() : fields.check(() -> words("scopes", scopes,
                Scope::fromWire, Scope.wireNames()));
        Set<Environment> parsedEnvironments = environments == null ? Set.of()
                : fields.check(() -> words("environments", environments, Environment::fromWire,
                        Environment.wireNames()));
        Instant parsedExpiry = expiresAt == null ? null : fields.check(() -> instant("expires_at", expiresAt));
        fields.throwIfInvalid();
        return new CreateApiKeyCommand(name, parsedScopes,
                projectIds == null ? Set.of() : new LinkedHashSet<>(projectIds), parsedEnvironments,
                Optional.ofNullable(parsedExpiry));
    }

    @Get
    @ExecuteOn(ReadRoutes.EXECUTOR)
    HttpResponse<ApiKeyListResponse> list(@AuthenticatedCaller Caller caller,
                                          @Nullable @QueryValue("limit") String limit,
                                          @Nullable @QueryValue("cursor") String cursor) {
        QueryParameters query = new QueryParameters();
        int size = query.integer("limit", limit, Pagination.DEFAULT_LIMIT, 1, Pagination.MAX_LIMIT);
        query.throwIfInvalid();
        PageRequest page = Cursors.pageRequest(Cursors.Kind.API_KEYS, cursor, size);
        Page<ApiKey> keys = listKeys.list(caller, page);
        List<ApiKey> items = keys.items();
        Pagination pagination = Cursors.pagination(Cursors.Kind.API_KEYS, keys, ApiKeysController::positionOf);
        return pagination.ok(new ApiKeyListResponse(mapper.toListItems(items), pagination));
    }

    /** Revokes the key for good: it stops authenticating at once and leaves the list. */
    @Delete("/{id}")
    HttpResponse<Void> revoke(@AuthenticatedCaller Caller caller, String id) {
        revokeKey.revoke(caller, id);
        return HttpResponse.noContent();
    }

    private static <T> Set<T> words(String field, List<String> raw, java.util.function.Function<String, Optional<T>> parse,
                                    List<String> allowed) {
        Set<T> parsed = new LinkedHashSet<>();
        for (String word : raw) {
            parsed.add(parse.apply(word).orElseThrow(() -> InvalidInput.notAllowed(field, word, allowed)));
        }
        return parsed;
    }

    /** ISO-8601 with an offset ({@code 2026-01-01T00:00:00Z} or {@code +02:00}). */
    private static Instant instant(String field, String raw) {
        try {
            return OffsetDateTime.parse(raw, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInput.badFormat(field, raw, "Must be an ISO-8601 time with an offset, e.g. 2026-01-31T12:00:00Z");
        }
    }

    private static ListPosition positionOf(ApiKey key) {
        return new ListPosition(key.createdAt(), key.id().value());
    }

    /** Local to this controller: v3's rendering of whatever its routes throw (see V3ErrorRenderer). */
    @Error(exception = Exception.class)
    HttpResponse<V3ErrorEnvelope> failed(HttpRequest<?> request, Exception failure) {
        return errors.renderFailure(request, failure);
    }
}
