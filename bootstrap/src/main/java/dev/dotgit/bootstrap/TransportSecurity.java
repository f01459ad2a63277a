package dev.dotgit.bootstrap;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whether plain HTTP is refused ({@code dotgit.require-https}) and whose word about the
 * original scheme is believed ({@code dotgit.trusted-proxies}): a TLS-terminating proxy in
 * front of the server forwards plain HTTP with {@code X-Forwarded-Proto: https}, and that
 * header is taken only from the proxies listed, since any client can send it.
 *
 * @param trustedProxies the addresses (IP literals) whose {@code X-Forwarded-Proto} is believed
 */
public record TransportSecurity(boolean requireHttps, Set<InetAddress> trustedProxies) {

    /** IPv4 dotted quads or IPv6 literals only, so that reading the setting never asks DNS. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public static final TransportSecurity PLAIN_HTTP_ALLOWED = new TransportSecurity(false, Set.of());

    public TransportSecurity {
        trustedProxies = Set.copyOf(trustedProxies);
    }

    /** Whether a request counts as HTTPS: it came over TLS, or a trusted proxy says the client used HTTPS. */
    public boolean isSecure(boolean overTls, InetAddress from, String forwardedProto) {
        if (overTls) {
            return true;
        }
        if (forwardedProto == null || from == null || !trustedProxies.contains(from)) {
            return false;
        }
        // A chain of proxies appends; the first value is the scheme the client used.
        String first = forwardedProto.split(",", 2)[0].trim().toLowerCase(Locale.ROOT);
        return first.equals("https");
    }

    /**
     * The address to hold responsible for a request: the peer, or, when the peer is a trusted
     * proxy, the nearest address in {@code X-Forwarded-For} that is not one of ours (addresses
     * further left were written by whoever the client is, so they prove nothing).
     */
    public String clientAddress(InetAddress from, String forwardedFor) {
        if (from == null) {
            return "unknown";
        }
        if (forwardedFor == null || !trustedProxies.contains(from)) {
            return from.getHostAddress();
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (hop.isEmpty()) {
                continue;
            }
            boolean trusted = trustedProxies.stream().anyMatch(proxy -> proxy.getHostAddress().equals(hop));
            if (!trusted) {
                return hop;
            }
        }
        return from.getHostAddress();
    }

    static TransportSecurity parse(String requireHttps, String trustedProxies) {
        // Exactly "true" or "false": the HTTPS filter is registered only for the literal "true",
        // so any other spelling must stop the start rather than leave plain HTTP open.
        boolean required = switch (requireHttps == null ? "" : requireHttps.trim()) {
            case "", "false" -> false;
            case "true" -> true;
            default -> throw new InvalidConfiguration("dotgit.require-https",
                    "must be true or false (got '" + requireHttps + "')");
        };
        Set<InetAddress> proxies = trustedProxies == null || trustedProxies.isBlank() ? Set.of()
                : Arrays.stream(trustedProxies.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .map(TransportSecurity::address).collect(Collectors.toUnmodifiableSet());
        return new TransportSecurity(required, proxies);
    }

    private static InetAddress address(String literal) {
        String bare = literal.startsWith("[") && literal.endsWith("]") ? literal.substring(1, literal.length() - 1)
                : literal;
        if (!IP_LITERAL.matcher(bare).matches()) {
            throw new InvalidConfiguration("dotgit.trusted-proxies",
                    "must list IP addresses separated by commas (got '" + literal + "')");
        }
        try {
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            throw new InvalidConfiguration("dotgit.trusted-proxies", "'" + literal + "' is not an IP address");
        }
    }
}
