package dev.dotgit.application.port.in.serviceaccount;

/**
 * The client-credentials grant (RFC 6749 §4.4): a service account trades its client id and
 * secret for a short-lived bearer token, accepted like an API key by every version. Refusals are
 * {@code TokenRequestRefused} with RFC 6749 §5.2's codes; nothing else about the client is
 * revealed (an unknown client and a wrong secret are the same {@code invalid_client}).
 */
public interface IssueAccessTokenUseCase {

    IssuedAccessToken issue(TokenRequest request);
}
