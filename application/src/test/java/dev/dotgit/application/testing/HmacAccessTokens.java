package dev.dotgit.application.testing;

import dev.dotgit.application.port.out.serviceaccount.AccessTokenClaims;
import dev.dotgit.application.port.out.serviceaccount.SignAccessTokenPort;
import dev.dotgit.application.port.out.serviceaccount.VerifyAccessTokenPort;
import dev.dotgit.domain.account.AccountSlug;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.serviceaccount.ServiceAccountId;
import dev.dotgit.domain.serviceaccount.TokenSigningKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed tokens for tests of the core, with the JDK only: {@code header.payload.mac}, each part
 * base64url, the payload the claims joined by {@code |}, the MAC HMAC-SHA256 of the first two
 * parts. It honours the same contract as the real (JWT) adapter, which the core cannot see.
 */
public final class HmacAccessTokens implements SignAccessTokenPort, VerifyAccessTokenPort {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = ENCODER.encodeToString("test-token".getBytes(StandardCharsets.US_ASCII));

    @Override
    public String sign(AccessTokenClaims claims, TokenSigningKey key) {
        String payload = String.join("|", claims.subject().value(), claims.account().value(),
                claims.scopes().stream().map(Scope::wireName).sorted().collect(Collectors.joining(",")),
                Long.toString(claims.issuedAt().getEpochSecond()), Long.toString(claims.expiresAt().getEpochSecond()),
                claims.tokenId());
        String signed = HEADER + "." + ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return signed + "." + ENCODER.encodeToString(mac(signed, key));
    }

    @Override
    public Optional<AccessTokenClaims> verify(String token, TokenSigningKey key) {
        try {
            String[] parts = token.split("\\.", -1);
            if (parts.length != 3 || !parts[0].equals(HEADER)) {
                return Optional.empty();
            }
            byte[] sent = Base64.getUrlDecoder().decode(parts[2]);
            if (!MessageDigest.isEqual(sent, mac(parts[0] + "." + parts[1], key))) {
                return Optional.empty();
            }
            String[] fields = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .split("\\|", -1);
            Set<Scope> scopes = EnumSet.noneOf(Scope.class);
            for (String scope : fields[2].split(",")) {
                scopes.add(Scope.fromWire(scope).orElseThrow());
            }
            return Optional.of(new AccessTokenClaims(new ServiceAccountId(fields[0]), new AccountSlug(fields[1]), scopes,
                    Instant.ofEpochSecond(Long.parseLong(fields[3])), Instant.ofEpochSecond(Long.parseLong(fields[4])),
                    fields[5]));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static byte[] mac(String signed, TokenSigningKey key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.material(), "HmacSHA256"));
            return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
