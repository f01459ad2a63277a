package dev.dotgit.adapter.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.dotgit.application.port.out.serviceaccount.AccessTokenClaims;
import dev.dotgit.application.port.out.serviceaccount.SignAccessTokenPort;
import dev.dotgit.application.port.out.serviceaccount.VerifyAccessTokenPort;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.serviceaccount.ServiceAccountId;
import dev.dotgit.domain.serviceaccount.TokenSigningKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Access tokens as JWTs in the shape of RFC 9068 ({@code typ: at+jwt}; {@code iss}, {@code sub},
 * {@code iat}, {@code exp}, {@code jti}, {@code scope} space-separated) plus {@code acct}, the
 * account, signed with HMAC-SHA256 under the platform's key.
 *
 * <p>Verification accepts exactly what {@link #sign} makes and nothing else: the header must
 * name HS256 and {@code at+jwt} (so {@code alg: none} and public-key confusions are refused
 * before any MAC is computed), the MAC must match (compared in constant time by the library),
 * and every claim must be present and well-formed. Expiry is left to the caller, who judges
 * it by its own clock.
 */
public final class JwtAccessTokens implements SignAccessTokenPort, VerifyAccessTokenPort {

    static final String ISSUER = "dotgit";
    static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");
    static final String ACCOUNT_CLAIM = "acct";
    static final String SCOPE_CLAIM = "scope";
    /** Far above any token this adapter makes; nothing longer is parsed. */
    static final int MAX_TOKEN_LENGTH = 4096;

    @Override
    public String sign(AccessTokenClaims claims, TokenSigningKey key) {
        JWTClaimsSet payload = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(claims.subject().value())
                .claim(ACCOUNT_CLAIM, claims.account().value())
                .claim(SCOPE_CLAIM, claims.scopes().stream().sorted().map(Scope::wireName)
                        .collect(Collectors.joining(" ")))
                .issueTime(Date.from(claims.issuedAt()))
                .expirationTime(Date.from(claims.expiresAt()))
                .jwtID(claims.tokenId())
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(ACCESS_TOKEN_TYPE).build(),
                payload);
        try {
            token.sign(new MACSigner(key.material()));
        } catch (JOSEException e) {
            throw new IllegalStateException("a 256-bit key always signs with HS256", e);
        }
        return token.serialize();
    }

    @Override
    public Optional<AccessTokenClaims> verify(String token, TokenSigningKey key) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            if (!JWSAlgorithm.HS256.equals(header.getAlgorithm()) || !ACCESS_TOKEN_TYPE.equals(header.getType())
                    || header.getCriticalParams() != null) {
                return Optional.empty();
            }
            if (!jwt.verify(new MACVerifier(key.material()))) {
                return Optional.empty();
            }
            return claimsOf(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static Optional<AccessTokenClaims> claimsOf(JWTClaimsSet claims) throws ParseException {
        Optional<ServiceAccountId> subject = ServiceAccountId.parse(claims.getSubject());
        String account = claims.getStringClaim(ACCOUNT_CLAIM);
        String scope = claims.getStringClaim(SCOPE_CLAIM);
        Date issuedAt = claims.getIssueTime();
        Date expiresAt = claims.getExpirationTime();
        String tokenId = claims.getJWTID();
        if (!ISSUER.equals(claims.getIssuer()) || subject.isEmpty() || !AccountSlug.isValid(account) || scope == null
                || issuedAt == null || expiresAt == null || tokenId == null) {
            return Optional.empty();
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String word : scope.split(" ")) {
            Optional<Scope> known = Scope.fromWire(word);
            if (known.isEmpty()) {
                return Optional.empty();
            }
            scopes.add(known.get());
        }
        return Optional.of(new AccessTokenClaims(subject.get(), new AccountSlug(account), scopes,
                Instant.ofEpochSecond(issuedAt.toInstant().getEpochSecond()),
                Instant.ofEpochSecond(expiresAt.toInstant().getEpochSecond()), tokenId));
    }
}
