package dev.dotgit.application.port.in.account;

import dev.dotgit.domain.apikey.SecretKey;
import java.util.Optional;

/**
 * Run once at start-up. On an empty database it creates the account {@code default} (plan
 * pro) with an admin key. A configured secret is registered as that key (and added to an
 * existing {@code default} account if it is not known yet), so scripts can know it in advance.
 */
public interface BootstrapPlatformUseCase {

    /** @return the generated secret when one was created now (to be printed once), else empty */
    Optional<SecretKey> bootstrap(Optional<SecretKey> configuredSecret);
}
