package dev.dotgit.adapter.webhooks;

import dev.dotgit.application.port.out.webhook.ResolveHostPort;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The platform resolver. {@link InetAddress#getAllByName} also parses IP literals in every
 * form the platform accepts ({@code 2130706433}, {@code 0x7f.1}, {@code 127.1}, IPv4-mapped IPv6),
 * so such spellings reach the address check as the address they mean.
 */
@Singleton
public class InetAddressResolver implements ResolveHostPort {

    @Override
    public List<InetAddress> resolve(String host) {
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException | SecurityException e) {
            return List.of();
        }
    }
}
