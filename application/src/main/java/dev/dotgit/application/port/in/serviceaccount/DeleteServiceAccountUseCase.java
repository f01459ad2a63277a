package dev.dotgit.application.port.in.serviceaccount;

import dev.dotgit.domain.access.Caller;

/**
 * Deletes a service account for good (unrestricted deploy:admin): its credentials stop buying
 * tokens at once, and the tokens it holds stop working at once on the node that deleted it and
 * within the authentication cache's lifetime on the others. An unknown id, or another
 * account's, is not found.
 */
public interface DeleteServiceAccountUseCase {

    /** @param serviceAccountId as the caller sent it */
    void delete(Caller caller, String serviceAccountId);
}
