package dev.dotgit.application.port.out.webhook;

import java.net.InetAddress;
import java.util.List;

/** Name resolution for webhook targets, behind a port so the address checks can be tested without DNS. */
public interface ResolveHostPort {

    /**
     * Every address {@code host} resolves to; an IP literal in any form the platform resolver
     * accepts (dotted, decimal {@code 2130706433}, hex {@code 0x7f.1}, bracket-less IPv6)
     * resolves to itself. Empty if it does not resolve.
     */
    List<InetAddress> resolve(String host);
}
