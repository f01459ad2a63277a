package dev.dotgit.application.port.out.contract;

import dev.dotgit.application.port.out.idempotency.ClaimIdempotencyKeyPort;
import dev.dotgit.application.port.out.idempotency.PurgeExpiredIdempotencyKeysPort;
import dev.dotgit.application.port.out.transaction.RunInTransactionPort;
import java.util.Objects;

/** The idempotency-key store of one store, for {@link IdempotencyKeyPortContract}; same expectations as {@link PersistencePorts}. */
public record IdempotencyPorts(RunInTransactionPort transactions, ClaimIdempotencyKeyPort keys,
                               PurgeExpiredIdempotencyKeysPort purge) {

    public IdempotencyPorts {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(purge, "purge");
    }

    public static <S extends RunInTransactionPort & ClaimIdempotencyKeyPort & PurgeExpiredIdempotencyKeysPort>
            IdempotencyPorts allImplementedBy(S store) {
        return new IdempotencyPorts(store, store, store);
    }
}
