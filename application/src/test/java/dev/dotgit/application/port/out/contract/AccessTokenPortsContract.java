package dev.dotgit.application.port.out.contract;

import static dev.dotgit.application.testing.TestData.T0;
import static dev.dotgit.application.testing.TestData.anAccountSlug;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dotgit.application.port.out.serviceaccount.AccessTokenClaims;
import dev.dotgit.application.port.out.serviceaccount.SignAccessTokenPort;
import dev.dotgit.application.port.out.serviceaccount.VerifyAccessTokenPort;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.serviceaccount.ServiceAccountId;
import dev.dotgit.domain.serviceaccount.TokenSigningKey;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The behaviour of {@link SignAccessTokenPort} and {@link VerifyAccessTokenPort}, implemented by one adapter. */
public abstract class AccessTokenPortsContract {

    private static final TokenSigningKey KEY = TokenSigningKey.generate();
    private static final AccessTokenClaims CLAIMS = new AccessTokenClaims(ServiceAccountId.generate(), anAccountSlug(),
            Set.of(Scope.READ, Scope.WRITE), T0, T0.plusSeconds(3600), "tok_0123456789");

    protected abstract SignAccessTokenPort signer();

    protected abstract VerifyAccessTokenPort verifier();

    @Test
    void aSignedTokenVerifiesToItsClaimsWithTheSameKey() {
        String token = signer().sign(CLAIMS, KEY);

        assertThat(token.split("\\.", -1)).hasSize(3).allSatisfy(part -> assertThat(part).matches("[A-Za-z0-9_-]+"));
        assertThat(verifier().verify(token, KEY)).contains(CLAIMS);
    }

    @Test
    void anExpiredTokenStillVerifiesBecauseExpiryIsTheCallersDecision() {
        AccessTokenClaims expired = new AccessTokenClaims(CLAIMS.subject(), CLAIMS.account(), Set.of(Scope.ADMIN),
                T0.minusSeconds(7200), T0.minusSeconds(3600), "tok_expired000");

        assertThat(verifier().verify(signer().sign(expired, KEY), KEY)).contains(expired);
    }

    @Test
    void aTokenSignedWithAnotherKeyDoesNotVerify() {
        String token = signer().sign(CLAIMS, TokenSigningKey.generate());

        assertThat(verifier().verify(token, KEY)).isEmpty();
    }

    @Test
    void aTokenWithEditedClaimsDoesNotVerify() {
        String[] parts = signer().sign(CLAIMS, KEY).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String widened = payload.replace("deploy:read", "deploy:admin");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(widened.getBytes())
                + "." + parts[2];

        assertThat(widened).isNotEqualTo(payload);
        assertThat(verifier().verify(forged, KEY)).isEmpty();
    }

    @Test
    void garbageDoesNotVerify() {
        for (String garbage : new String[] {"", "a.b.c", "...", "eyJ.eyJ.sig", "not a token", "gsk_live_x",
                "a.b", "a.b.c.d", "%%%.%%%.%%%"}) {
            assertThat(verifier().verify(garbage, KEY)).as(garbage).isEmpty();
        }
    }
}
