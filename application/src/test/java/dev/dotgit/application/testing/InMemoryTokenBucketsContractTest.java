package dev.dotgit.application.testing;

import dev.dotgit.application.port.out.contract.TakeRateLimitTokensPortContract;
import dev.dotgit.application.port.out.ratelimit.TakeRateLimitTokensPort;

class InMemoryTokenBucketsContractTest extends TakeRateLimitTokensPortContract {

    @Override
    protected TakeRateLimitTokensPort buckets() {
        return new InMemoryTokenBuckets(clock, false);
    }
}
