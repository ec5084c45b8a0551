package dev.newsdesk.web;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * The network a client address stands for, as the rate limit, the per-network quota and visitor-less dedupe key
 * clients: an IPv4 address as it is, an IPv6 address by its /64 prefix. A home or an office gets a whole /64 and
 * its devices may pick any address in it, so keyed by the full IPv6 address one reader could count as billions.
 * IPv4-mapped IPv6 addresses are read as IPv4. Parsed as a literal, never looked up; anything else is kept as sent.
 */
final class ClientNetwork {

    private ClientNetwork() {}

    static String of(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        InetAddress parsed;
        try {
            parsed = InetAddress.ofLiteral(address);
        } catch (IllegalArgumentException e) {
            return address;
        }
        if (parsed instanceof Inet4Address) {
            return parsed.getHostAddress();
        }
        byte[] b = parsed.getAddress();
        StringBuilder sb = new StringBuilder(24);
        for (int i = 0; i < 8; i += 2) {
            sb.append(Integer.toHexString((b[i] & 0xff) << 8 | (b[i + 1] & 0xff)))
                    .append(':');
        }
        return sb.append(":/64").toString();
    }
}
