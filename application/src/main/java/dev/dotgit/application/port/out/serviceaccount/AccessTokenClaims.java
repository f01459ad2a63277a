package dev.dotgit.application.port.out.serviceaccount;

import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.serviceaccount.ServiceAccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What an access token says, signed: whose it is and what it was granted. Times are whole
 * seconds (a token's {@code iat}/{@code exp} are NumericDate, RFC 7519 §2).
 *
 * @param tokenId unique per token, for logs and a future revocation list
 */
public record AccessTokenClaims(ServiceAccountId subject, AccountSlug account, Set<Scope> scopes,
                                Instant issuedAt, Instant expiresAt, String tokenId) {

    public AccessTokenClaims {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(tokenId, "tokenId");
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("a token carries at least one scope");
        }
        scopes = Set.copyOf(scopes);
        if (issuedAt.getNano() != 0 || expiresAt.getNano() != 0) {
            throw new IllegalArgumentException("token times are whole seconds");
        }
    }
}
