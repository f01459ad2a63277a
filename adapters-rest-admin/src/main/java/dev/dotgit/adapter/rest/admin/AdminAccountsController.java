package dev.dotgit.adapter.rest.admin;

import dev.dotgit.application.port.in.account.CreateAccountCommand;
import dev.dotgit.application.port.in.account.CreateAccountUseCase;
import dev.dotgit.application.port.in.account.RateLimitInput;
import dev.dotgit.application.port.in.account.UpdateAccountCommand;
import dev.dotgit.application.port.in.account.UpdateAccountUseCase;
import dev.dotgit.application.port.in.validation.Violations;
import dev.dotgit.domain.account.Plan;
import dev.dotgit.domain.account.RateLimit;
import dev.dotgit.domain.error.InvalidInput;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;

/** The operator surface (CONTRACT §2.3): accounts are created and re-planned here, never through an API version. */
@Controller("/admin/accounts")
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminAccountsController {

    private final CreateAccountUseCase createAccount;
    private final UpdateAccountUseCase updateAccount;
    private final AdminMapper mapper;
    private final AdminJson json;
    private final AdminFilter errors;

    AdminAccountsController(CreateAccountUseCase createAccount, UpdateAccountUseCase updateAccount,
                            AdminMapper mapper, AdminJson json, AdminFilter errors) {
        this.createAccount = createAccount;
        this.updateAccount = updateAccount;
        this.mapper = mapper;
        this.json = json;
        this.errors = errors;
    }

    /** Local to this controller: expected domain errors become admin envelopes, never "unexpected error" logs. */
    @Error(exception = Exception.class)
    MutableHttpResponse<?> failed(HttpRequest<?> request, Exception failure) {
        return errors.renderFailure(request, failure);
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Status(HttpStatus.CREATED)
    HttpResponse<AdminDtos.CreatedAccountResponse> create(@Body String body) {
        AdminJson.Fields fields = json.object(body);
        Violations violations = new Violations();
        String slug = violations.check(() -> fields.string("slug"));
        String plan = violations.check(() -> fields.string("plan"));
        RateLimitInput rateLimit = violations.check(() -> fields.rateLimit("rate_limit"));
        violations.throwIfAny();
        CreateAccountCommand command = CreateAccountCommand.of(slug, plan, rateLimit);
        return HttpResponse.created(mapper.toCreated(createAccount.create(command)));
    }

    @Patch(value = "/{slug}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    AdminDtos.AccountResponse update(@PathVariable String slug, @Body String body) {
        AdminJson.Fields fields = json.object(body);
        Violations violations = new Violations();
        Optional<Plan> plan = violations.check(() -> Optional.ofNullable(fields.string("plan"))
                .map(name -> Plan.fromWire(name)
                        .orElseThrow(() -> InvalidInput.notAllowed("plan", name, Plan.wireNames()))));
        boolean rateLimitChanged = fields.has("rate_limit");
        Optional<RateLimit> rateLimit = violations.check(() -> Optional.ofNullable(fields.rateLimit("rate_limit"))
                .map(RateLimitInput::toRateLimit));
        violations.throwIfAny();
        return mapper.toAccount(updateAccount.update(new UpdateAccountCommand(slug, plan, rateLimit,
                rateLimitChanged)));
    }
}
