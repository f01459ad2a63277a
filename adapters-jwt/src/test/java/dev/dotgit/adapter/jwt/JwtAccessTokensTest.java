package dev.dotgit.adapter.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.dotgit.application.port.out.contract.AccessTokenPortsContract;
import dev.dotgit.application.port.out.serviceaccount.SignAccessTokenPort;
import dev.dotgit.application.port.out.serviceaccount.VerifyAccessTokenPort;
import dev.dotgit.domain.serviceaccount.TokenSigningKey;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** The port contract, and the JWT-specific ways of forging a token that must all fail. */
class JwtAccessTokensTest extends AccessTokenPortsContract {

    private static final TokenSigningKey KEY = TokenSigningKey.generate();
    private final JwtAccessTokens tokens = new JwtAccessTokens();

    @Override
    protected SignAccessTokenPort signer() {
        return tokens;
    }

    @Override
    protected VerifyAccessTokenPort verifier() {
        return tokens;
    }

    private static JWTClaimsSet.Builder validClaims() {
        return new JWTClaimsSet.Builder().issuer("dotgit").subject("sa_0123456789").claim("acct", "acme")
                .claim("scope", "deploy:admin").issueTime(new Date()).expirationTime(new Date(
                        System.currentTimeMillis() + 3_600_000)).jwtID("tok_0123456789");
    }

    private static String signed(JWSHeader header, JWTClaimsSet claims) throws Exception {
        return signed(header, claims, KEY.material());
    }

    private static String signed(JWSHeader header, JWTClaimsSet claims, byte[] key) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    @Test
    void theTokenIsAnRfc9068AccessTokenJwt() throws Exception {
        String token = signed(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt")).build(),
                validClaims().build());

        assertThat(tokens.verify(token, KEY)).isPresent();
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String none = new PlainJWT(new PlainHeader.Builder().type(new JOSEObjectType("at+jwt")).build(),
                validClaims().build()).serialize();

        assertThat(tokens.verify(none, KEY)).isEmpty();
    }

    @Test
    void aTokenOfAnotherTypeOrAlgorithmIsRefusedEvenWithTheRightKey() throws Exception {
        String plainJwt = signed(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                validClaims().build());
        // HS512 needs a 512-bit key: the platform's key twice over, as a forger holding it might try.
        byte[] doubled = new byte[KEY.material().length * 2];
        System.arraycopy(KEY.material(), 0, doubled, 0, KEY.material().length);
        System.arraycopy(KEY.material(), 0, doubled, KEY.material().length, KEY.material().length);
        String hs512 = signed(new JWSHeader.Builder(JWSAlgorithm.HS512).type(new JOSEObjectType("at+jwt")).build(),
                validClaims().build(), doubled);

        assertThat(tokens.verify(plainJwt, KEY)).isEmpty();
        assertThat(tokens.verify(hs512, KEY)).isEmpty();
    }

    @Test
    void aTokenMissingAClaimOrFromAnotherIssuerIsRefused() throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt")).build();

        assertThat(tokens.verify(signed(header, validClaims().issuer("someone-else").build()), KEY)).isEmpty();
        assertThat(tokens.verify(signed(header, validClaims().claim("acct", null).build()), KEY)).isEmpty();
        assertThat(tokens.verify(signed(header, validClaims().expirationTime(null).build()), KEY)).isEmpty();
        assertThat(tokens.verify(signed(header, validClaims().subject("key_0123456789").build()), KEY)).isEmpty();
        assertThat(tokens.verify(signed(header, validClaims().claim("scope", "root").build()), KEY)).isEmpty();
    }
}
