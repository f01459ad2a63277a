package dev.dotgit.application.testing;

import dev.dotgit.application.port.out.webhook.ResolveHostPort;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves the names a test registers, and IP literals to themselves; nothing goes to DNS.
 * Unregistered names resolve to a public documentation-free address (93.184.216.34), so tests
 * that do not care about addresses can use any host name.
 */
public final class FakeHostResolver implements ResolveHostPort {

    private final Map<String, List<InetAddress>> names = new ConcurrentHashMap<>();

    public FakeHostResolver resolve(String host, String... addresses) {
        names.put(host, java.util.Arrays.stream(addresses).map(FakeHostResolver::literal).toList());
        return this;
    }

    @Override
    public List<InetAddress> resolve(String host) {
        List<InetAddress> registered = names.get(host);
        if (registered != null) {
            return registered;
        }
        if (Character.isDigit(host.charAt(0)) || host.contains(":")) {
            return List.of(literal(host));
        }
        return List.of(literal("93.184.216.34"));
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address); // an IP literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
