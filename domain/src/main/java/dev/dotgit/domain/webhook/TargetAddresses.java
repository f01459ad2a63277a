package dev.dotgit.domain.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which addresses a webhook may never reach (server-side request forgery): anything that is not
 * a public unicast address. Checked on every address a target host resolves to, at creation and
 * again right before each attempt.
 */
public final class TargetAddresses {

    private TargetAddresses() {
    }

    /** Why {@code address} is refused, or empty if it is a public unicast address. */
    public static Optional<String> whyRefused(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return whyRefusedV4(v4.getAddress());
        }
        if (address instanceof Inet6Address v6) {
            return whyRefusedV6(v6.getAddress());
        }
        return Optional.of("not an IP address");
    }

    private static Optional<String> whyRefusedV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 0) {
            return Optional.of("unspecified address");
        }
        if (a0 == 127) {
            return Optional.of("loopback address");
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return Optional.of("private address");
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of("link-local address");
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return Optional.of("shared (CGNAT) address");
        }
        if (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) {
            return Optional.of("IETF protocol assignment address");
        }
        if (a0 == 198 && (a1 & 0xfe) == 18) {
            return Optional.of("benchmarking address");
        }
        if (a0 >= 224) {
            return Optional.of(a0 < 240 ? "multicast address" : "reserved or broadcast address");
        }
        return Optional.empty();
    }

    private static Optional<String> whyRefusedV6(byte[] b) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        boolean allZeroTo12 = firstTenZero && b[10] == 0 && b[11] == 0;
        if (allZeroTo12) {
            boolean lastZero = b[12] == 0 && b[13] == 0 && b[14] == 0;
            if (lastZero && b[15] == 0) {
                return Optional.of("unspecified address");
            }
            if (lastZero && b[15] == 1) {
                return Optional.of("loopback address");
            }
            // IPv4-compatible (::a.b.c.d, deprecated): judged by the IPv4 address it carries.
            return embeddedV4(b, 12).map(why -> "IPv4-compatible " + why);
        }
        if (firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return embeddedV4(b, 12).map(why -> "IPv4-mapped " + why);
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (b0 == 0xff) {
            return Optional.of("multicast address");
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return Optional.of("link-local address");
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            return Optional.of("site-local address");
        }
        if ((b0 & 0xfe) == 0xfc) {
            return Optional.of("unique-local address");
        }
        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) reach the IPv4 address they carry.
        if (b0 == 0x00 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return embeddedV4(b, 12).map(why -> "NAT64 " + why);
        }
        if (b0 == 0x20 && b1 == 0x02) {
            return embeddedV4(b, 2).map(why -> "6to4 " + why);
        }
        return Optional.empty();
    }

    private static Optional<String> embeddedV4(byte[] b, int offset) {
        byte[] v4 = {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]};
        try {
            return whyRefused(InetAddress.getByAddress(v4));
        } catch (UnknownHostException impossible) {
            return Optional.of("unreadable embedded address");
        }
    }
}
