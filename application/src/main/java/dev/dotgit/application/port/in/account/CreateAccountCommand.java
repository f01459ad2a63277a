package dev.dotgit.application.port.in.account;

import dev.dotgit.application.port.in.validation.Violations;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.account.Plan;
import dev.dotgit.domain.account.RateLimit;
import dev.dotgit.domain.error.InvalidInput;
import java.util.Objects;
import java.util.Optional;

public record CreateAccountCommand(AccountSlug slug, Plan plan, Optional<RateLimit> customRateLimit) {

    public CreateAccountCommand {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(customRateLimit, "customRateLimit");
    }

    public static CreateAccountCommand of(String slug, String plan, RateLimitInput rateLimit) {
        Violations violations = new Violations();
        AccountSlug parsedSlug = slug == null ? null : violations.check(() -> AccountSlug.parse("slug", slug));
        if (slug == null) {
            violations.add(InvalidInput.missing("slug"));
        }
        Plan parsedPlan = plan == null ? Plan.FREE : violations.check(() -> Plan.fromWire(plan)
                .orElseThrow(() -> InvalidInput.notAllowed("plan", plan, Plan.wireNames())));
        RateLimit limit = rateLimit == null ? null : violations.check(rateLimit::toRateLimit);
        violations.throwIfAny();
        return new CreateAccountCommand(parsedSlug, parsedPlan, Optional.ofNullable(limit));
    }
}
