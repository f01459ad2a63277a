package dev.dotgit.application.port.in.account;

import dev.dotgit.domain.account.Plan;
import dev.dotgit.domain.account.RateLimit;
import java.util.Objects;
import java.util.Optional;

/**
 * A partial change: an empty plan keeps the plan.
 *
 * @param rateLimit {@code null} keeps the custom limit, an empty optional clears it (back to
 *                  the plan's numbers), a value replaces it
 */
public record UpdateAccountCommand(String slug, Optional<Plan> plan, Optional<RateLimit> rateLimit,
                                   boolean rateLimitChanged) {

    public UpdateAccountCommand {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(rateLimit, "rateLimit");
    }
}
