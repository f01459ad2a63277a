package dev.dotgit.application.service.webhook;

import dev.dotgit.application.port.out.webhook.ResolveHostPort;
import dev.dotgit.domain.webhook.TargetAddresses;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The server-side request forgery guard: where a target URL may be sent to. Its host is resolved
 * once; every address it resolves to must be a public unicast address (one bad address refuses
 * the target, since a resolver may hand out any of them), unless the host as written is listed in
 * the allowed hosts. The caller then connects to the address that was checked
 * ({@link Check#connectTo()}) instead of resolving the name again, so a DNS answer that changes
 * between check and connect (DNS rebinding) cannot redirect the request.
 */
public final class WebhookTargets {

    private final ResolveHostPort resolver;
    private final WebhookSettings settings;

    public WebhookTargets(ResolveHostPort resolver, WebhookSettings settings) {
        this.resolver = resolver;
        this.settings = settings;
    }

    /** Either the address to connect to, or why the target is refused. */
    public record Check(Optional<InetAddress> connectTo, String refusal) {

        static Check allowed(InetAddress address) {
            return new Check(Optional.of(address), null);
        }

        static Check refused(String why) {
            return new Check(Optional.empty(), why);
        }

        public boolean isAllowed() {
            return connectTo.isPresent();
        }
    }

    public Check check(URI url) {
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            return Check.refused("the URL has no host");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> addresses = resolver.resolve(bare);
        if (addresses.isEmpty()) {
            return Check.refused("its host '" + host + "' does not resolve");
        }
        if (settings.isAllowedHost(host)) {
            return Check.allowed(addresses.get(0));
        }
        for (InetAddress address : addresses) {
            Optional<String> why = TargetAddresses.whyRefused(address);
            if (why.isPresent()) {
                return Check.refused("its host '" + host + "' resolves to a " + why.get() + " ("
                        + address.getHostAddress() + ")");
            }
        }
        return Check.allowed(addresses.get(0));
    }
}
