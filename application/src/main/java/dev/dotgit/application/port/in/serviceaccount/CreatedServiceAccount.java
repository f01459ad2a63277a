package dev.dotgit.application.port.in.serviceaccount;

import dev.dotgit.domain.serviceaccount.ServiceAccount;
import java.util.Objects;

/** A service account just created, with its client secret: the only moment the secret exists outside the caller's hands. */
public record CreatedServiceAccount(ServiceAccount serviceAccount, String clientSecret) {

    public CreatedServiceAccount {
        Objects.requireNonNull(serviceAccount, "serviceAccount");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    @Override
    public String toString() {
        return "CreatedServiceAccount[" + serviceAccount.id() + "]";
    }
}
