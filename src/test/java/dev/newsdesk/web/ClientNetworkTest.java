package dev.newsdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientNetworkTest {

    @Test
    void anIpv4AddressIsItsOwnNetwork() {
        assertThat(ClientNetwork.of("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientNetwork.of("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void ipv6AddressesInOneSlash64AreOneNetwork() {
        assertThat(ClientNetwork.of("2001:db8:1:2:aaaa::1"))
                .isEqualTo(ClientNetwork.of("2001:db8:1:2:bbbb:cccc:dddd:9"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientNetwork.of("2001:db8:1:3::1")).isNotEqualTo(ClientNetwork.of("2001:db8:1:2::1"));
        assertThat(ClientNetwork.of("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0::/64");
    }

    @Test
    void whatIsNotAnAddressIsKeptAsSent() {
        assertThat(ClientNetwork.of("not:an:address")).isEqualTo("not:an:address");
        assertThat(ClientNetwork.of("unknown")).isEqualTo("unknown");
        assertThat(ClientNetwork.of(null)).isNull();
    }
}
