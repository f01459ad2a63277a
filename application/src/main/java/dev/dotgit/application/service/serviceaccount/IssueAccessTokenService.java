package dev.dotgit.application.service.serviceaccount;

import dev.dotgit.application.port.in.serviceaccount.IssueAccessTokenUseCase;
import dev.dotgit.application.port.in.serviceaccount.IssuedAccessToken;
import dev.dotgit.application.port.in.serviceaccount.TokenRequest;
import dev.dotgit.application.port.out.serviceaccount.LoadServiceAccountPort;
import dev.dotgit.domain.apikey.Scope;
import dev.dotgit.domain.error.TokenRequestRefused;
import dev.dotgit.domain.serviceaccount.ClientId;
import dev.dotgit.domain.serviceaccount.ClientSecret;
import dev.dotgit.domain.serviceaccount.ServiceAccount;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The client-credentials grant. The checks run in the order RFC 6749 §5.2 lists them, cheapest
 * first: the grant type (no lookup), then the client (one lookup by client id, then a
 * constant-time comparison of secret hashes), then the scope. An unknown client id, a
 * malformed secret and a wrong secret all read {@code invalid_client} with one message, so the
 * answer does not tell which client ids exist.
 */
public final class IssueAccessTokenService implements IssueAccessTokenUseCase {

    static final String BAD_CLIENT = "Client authentication failed: unknown client or wrong secret.";

    private final LoadServiceAccountPort serviceAccounts;
    private final AccessTokens accessTokens;

    public IssueAccessTokenService(LoadServiceAccountPort serviceAccounts, AccessTokens accessTokens) {
        this.serviceAccounts = serviceAccounts;
        this.accessTokens = accessTokens;
    }

    @Override
    public IssuedAccessToken issue(TokenRequest request) {
        if (request.grantType() == null || request.grantType().isEmpty()) {
            throw TokenRequestRefused.invalidRequest("Missing grant_type; this endpoint supports grant_type="
                    + TokenRequest.CLIENT_CREDENTIALS + ".");
        }
        if (!TokenRequest.CLIENT_CREDENTIALS.equals(request.grantType())) {
            throw TokenRequestRefused.unsupportedGrantType("Unsupported grant_type; this endpoint supports only "
                    + TokenRequest.CLIENT_CREDENTIALS + ".");
        }
        ServiceAccount client = authenticateClient(request);
        Set<Scope> granted = grantedScopes(client, request.scope());
        return accessTokens.issue(client, granted);
    }

    private ServiceAccount authenticateClient(TokenRequest request) {
        if (request.clientId() == null || request.clientSecret() == null) {
            throw TokenRequestRefused.invalidClient("Client authentication failed: send client_id and client_secret "
                    + "in the form, or as HTTP Basic credentials.", request.credentialsSent());
        }
        Optional<ClientId> clientId = ClientId.parse(request.clientId());
        Optional<ClientSecret> secret = ClientSecret.parse(request.clientSecret());
        if (clientId.isEmpty() || secret.isEmpty()) {
            throw TokenRequestRefused.invalidClient(BAD_CLIENT, true);
        }
        ServiceAccount client = serviceAccounts.findByClientId(clientId.get())
                .orElseThrow(() -> TokenRequestRefused.invalidClient(BAD_CLIENT, true));
        if (!client.secretHash().matches(secret.get().hash())) {
            throw TokenRequestRefused.invalidClient(BAD_CLIENT, true);
        }
        return client;
    }

    /** RFC 6749 §3.3: scope tokens separated by spaces; left out means everything the client may have. */
    private static Set<Scope> grantedScopes(ServiceAccount client, String requested) {
        if (requested == null) {
            return client.scopes();
        }
        Set<Scope> granted = EnumSet.noneOf(Scope.class);
        for (String word : requested.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            Scope scope = Scope.fromWire(word).orElseThrow(() -> TokenRequestRefused.invalidScope(
                    "Unknown scope; scopes are " + String.join(", ", Scope.wireNames()) + "."));
            if (!client.mayGrant(scope)) {
                throw TokenRequestRefused.invalidScope("This client may not have the scope '" + scope.wireName()
                        + "'; it may ask for: " + grantable(client) + ".");
            }
            granted.add(scope);
        }
        if (granted.isEmpty()) {
            throw TokenRequestRefused.invalidScope("The scope parameter names no scope; leave it out to get every "
                    + "scope of the client.");
        }
        return granted;
    }

    private static String grantable(ServiceAccount client) {
        return Arrays.stream(Scope.values()).filter(client::mayGrant).map(Scope::wireName)
                .collect(Collectors.joining(" "));
    }
}
