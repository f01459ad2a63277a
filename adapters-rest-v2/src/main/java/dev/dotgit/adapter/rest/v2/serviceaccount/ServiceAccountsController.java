package dev.dotgit.adapter.rest.v2.serviceaccount;

import dev.dotgit.adapter.rest.v2.error.V2ErrorBody;
import dev.dotgit.adapter.rest.v2.error.V2ErrorRenderer;
import dev.dotgit.adapter.rest.v2.http.AuthenticatedCaller;
import dev.dotgit.adapter.rest.v2.http.Cursors;
import dev.dotgit.adapter.rest.v2.http.JsonBody;
import dev.dotgit.adapter.rest.v2.http.QueryParameters;
import dev.dotgit.adapter.rest.v2.http.ReadRoutes;
import dev.dotgit.application.port.in.paging.ListPosition;
import dev.dotgit.application.port.in.paging.Page;
import dev.dotgit.application.port.in.paging.PageRequest;
import dev.dotgit.application.port.in.platform.PlatformUrls;
import dev.dotgit.application.port.in.serviceaccount.CreateServiceAccountCommand;
import dev.dotgit.application.port.in.serviceaccount.CreateServiceAccountUseCase;
import dev.dotgit.application.port.in.serviceaccount.CreatedServiceAccount;
import dev.dotgit.application.port.in.serviceaccount.DeleteServiceAccountUseCase;
import dev.dotgit.application.port.in.serviceaccount.ListServiceAccountsQuery;
import dev.dotgit.domain.access.Caller;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.error.InvalidInput;
import dev.dotgit.domain.serviceaccount.ServiceAccount;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /v2/service-accounts} (CONTRACT §4): create (the client secret is shown in that reply
 * only), list by cursor, delete. Every route needs an unrestricted deploy:admin caller; what a
 * new service account may reach (never more than its creator) is the use case's rule.
 */
@Controller("/v2/service-accounts")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ServiceAccountsController {

    static final String LIST = "service-accounts";

    private final CreateServiceAccountUseCase createServiceAccount;
    private final ListServiceAccountsQuery listServiceAccounts;
    private final DeleteServiceAccountUseCase deleteServiceAccount;
    private final ServiceAccountMapper mapper;
    private final PlatformUrls urls;
    private final V2ErrorRenderer errors;

    ServiceAccountsController(CreateServiceAccountUseCase createServiceAccount,
                              ListServiceAccountsQuery listServiceAccounts,
                              DeleteServiceAccountUseCase deleteServiceAccount, ServiceAccountMapper mapper,
                              PlatformUrls urls, V2ErrorRenderer errors) {
        this.createServiceAccount = createServiceAccount;
        this.listServiceAccounts = listServiceAccounts;
        this.deleteServiceAccount = deleteServiceAccount;
        this.mapper = mapper;
        this.urls = urls;
        this.errors = errors;
    }

    /**
     * {@code {name*, scopes*, project_ids}}: scopes of deploy:read, deploy:write, deploy:admin;
     * project ids to restrict its tokens to (none: every project). Unknown fields are ignored.
     */
    @Post(consumes = MediaType.ALL)
    HttpResponse<CreatedServiceAccountResponse> create(@AuthenticatedCaller Caller caller, HttpRequest<?> request,
                                                       @Nullable @Body byte[] body) {
        JsonBody fields = JsonBody.parse(request, body);
        String name = fields.requiredString("name");
        List<String> scopes = fields.requiredStringList("scopes");
        List<String> projectIds = fields.has("project_ids") ? fields.requiredStringList("project_ids") : List.of();
        Set<Scope> parsedScopes = scopes == null ? Set.of() : fields.check(() -> scopes(scopes));
        fields.throwIfInvalid();
        CreatedServiceAccount created = createServiceAccount.create(caller, new CreateServiceAccountCommand(name,
                parsedScopes, new LinkedHashSet<>(projectIds)));
        ServiceAccountResponse account = mapper.toResponse(created.serviceAccount());
        return HttpResponse.created(CreatedServiceAccountResponse.of(account, created.clientSecret()),
                URI.create(urls.api("/v2/service-accounts/" + account.id())));
    }

    @Get
    @ExecuteOn(ReadRoutes.EXECUTOR)
    ServiceAccountListResponse list(@AuthenticatedCaller Caller caller,
                                    @Nullable @QueryValue("cursor") String cursor,
                                    @Nullable @QueryValue("limit") String limit) {
        QueryParameters query = new QueryParameters();
        int size = query.limit(limit);
        query.throwIfInvalid();
        PageRequest page = Cursors.pageRequest(LIST, cursor, size);
        Page<ServiceAccount> accounts = listServiceAccounts.list(caller, page);
        return new ServiceAccountListResponse(mapper.toResponses(accounts.items()),
                Cursors.pagination(LIST, accounts, sa -> new ListPosition(sa.createdAt(), sa.id().value())));
    }

    /** Deletes the service account: its credentials and tokens stop working. */
    @Delete(value = "/{id}", consumes = MediaType.ALL)
    HttpResponse<Void> delete(@AuthenticatedCaller Caller caller, String id) {
        deleteServiceAccount.delete(caller, id);
        return HttpResponse.noContent();
    }

    private static Set<Scope> scopes(List<String> raw) {
        Set<Scope> parsed = new LinkedHashSet<>();
        for (String word : raw) {
            parsed.add(Scope.fromWire(word).orElseThrow(() -> InvalidInput.notAllowed("scopes", word,
                    Scope.wireNames())));
        }
        return parsed;
    }

    /** Local to this controller: v2's rendering of whatever its routes throw (see V2ErrorRenderer). */
    @Error(exception = Exception.class)
    HttpResponse<V2ErrorBody> failed(HttpRequest<?> request, Exception failure) {
        return errors.renderFailure(request, failure);
    }
}
