package dev.dotgit.adapter.ratelimit;

import dev.dotgit.application.port.out.contract.TakeRateLimitTokensPortContract;
import dev.dotgit.application.port.out.ratelimit.TakeRateLimitTokensPort;

class LocalTokenBucketsContractTest extends TakeRateLimitTokensPortContract {

    @Override
    protected TakeRateLimitTokensPort buckets() {
        return new LocalTokenBuckets(clock);
    }
}
