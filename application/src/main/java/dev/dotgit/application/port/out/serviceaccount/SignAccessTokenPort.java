package dev.dotgit.application.port.out.serviceaccount;

import dev.dotgit.domain.serviceaccount.TokenSigningKey;

/** Turns claims into a compact bearer token that only the holder of the key could have made. */
public interface SignAccessTokenPort {

    /** The token: three base64url parts separated by dots, as every JWS in compact form. */
    String sign(AccessTokenClaims claims, TokenSigningKey key);
}
