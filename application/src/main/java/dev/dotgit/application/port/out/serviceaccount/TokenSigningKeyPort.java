package dev.dotgit.application.port.out.serviceaccount;

import dev.dotgit.domain.serviceaccount.TokenSigningKey;

/** Where the platform's one access-token signing key is kept, so that every node signs and verifies with it. */
public interface TokenSigningKeyPort {

    /**
     * Stores {@code candidate} as the platform's key unless one is stored already, and returns
     * the stored key. Of nodes racing to store theirs, exactly one succeeds and every one of
     * them gets that key back.
     */
    TokenSigningKey storeIfAbsent(TokenSigningKey candidate);
}
