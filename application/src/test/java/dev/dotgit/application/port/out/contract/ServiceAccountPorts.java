package dev.dotgit.application.port.out.contract;

import dev.dotgit.application.port.out.serviceaccount.LoadServiceAccountPort;
import dev.dotgit.application.port.out.serviceaccount.SaveServiceAccountPort;
import dev.dotgit.application.port.out.serviceaccount.TokenSigningKeyPort;
import java.util.Objects;

/**
 * The service-account store of one store, for {@link ServiceAccountPortsContract}; same
 * expectations as {@link PersistencePorts}, except that the signing key is one per store: the
 * contract's tests of it must hold whichever test stored it first.
 */
public record ServiceAccountPorts(LoadServiceAccountPort load, SaveServiceAccountPort save,
                                  TokenSigningKeyPort signingKeys) {

    public ServiceAccountPorts {
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(save, "save");
        Objects.requireNonNull(signingKeys, "signingKeys");
    }

    public static <S extends LoadServiceAccountPort & SaveServiceAccountPort & TokenSigningKeyPort>
            ServiceAccountPorts allImplementedBy(S store) {
        return new ServiceAccountPorts(store, store, store);
    }
}
