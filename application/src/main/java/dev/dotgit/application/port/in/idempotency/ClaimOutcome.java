package dev.dotgit.application.port.in.idempotency;

import dev.dotgit.domain.idempotency.IdempotencyClaim;
import dev.dotgit.domain.idempotency.StoredResponse;
import java.util.Objects;

/** What to do with a request that carries an idempotency key. */
public sealed interface ClaimOutcome {

    /**
     * The key was free: run the request, then either complete the claim with its response or
     * release it.
     */
    record New(IdempotencyClaim claim) implements ClaimOutcome {
        public New {
            Objects.requireNonNull(claim, "claim");
        }
    }

    /** The same request already succeeded under this key: answer its response again, run nothing. */
    record Replay(StoredResponse response) implements ClaimOutcome {
        public Replay {
            Objects.requireNonNull(response, "response");
        }
    }
}
