package dev.dotgit.bootstrap;

import dev.dotgit.application.port.in.account.BootstrapPlatformUseCase;
import dev.dotgit.application.port.in.account.UpdateAccountCommand;
import dev.dotgit.application.port.in.account.UpdateAccountUseCase;
import dev.dotgit.domain.apikey.SecretKey;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First start on an empty database: creates account {@code default} with an admin key and
 * prints the generated secret once, on standard output only: it is not written to the log,
 * whose files outlive the terminal.
 */
@Singleton
class PlatformStartup implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformStartup.class);

    private final BootstrapPlatformUseCase bootstrap;
    private final DotgitConfiguration configuration;
    private final UpdateAccountUseCase accounts;
    private final RateLimitSettings rateLimits;

    PlatformStartup(BootstrapPlatformUseCase bootstrap, DotgitConfiguration configuration,
                    UpdateAccountUseCase accounts, RateLimitSettings rateLimits) {
        this.bootstrap = bootstrap;
        this.configuration = configuration;
        this.accounts = accounts;
        this.rateLimits = rateLimits;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        Optional<SecretKey> generated = bootstrap.bootstrap(configuration.bootstrapApiKey());
        if (generated.isPresent()) {
            System.out.println();
            System.out.println("  dotgit: created account 'default' with an admin API key. It is shown once; store it now:");
            System.out.println();
            System.out.println("    " + generated.get().reveal());
            System.out.println();
            LOG.info("created account 'default' and its bootstrap admin key (secret printed to standard output once)");
        } else if (configuration.bootstrapApiKey().isPresent()) {
            LOG.info("bootstrap API key from dotgit.bootstrap.api-key is registered");
        }
        rateLimits.bootstrapAccount().ifPresent(limit -> {
            accounts.update(new UpdateAccountCommand("default", Optional.empty(), Optional.of(limit), true));
            LOG.info("account 'default' limited to {} requests per minute, burst {} (dotgit.bootstrap.rate-limit)",
                    limit.perMinute(), limit.burst());
        });
        LOG.info("data directory: {}; API at {}; sites under *.{}", configuration.dataDir(),
                configuration.urls().publicUrl(), configuration.urls().hostingDomain());
    }
}
