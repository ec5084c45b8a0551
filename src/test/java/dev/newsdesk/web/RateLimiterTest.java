package dev.newsdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.MutableClock;
import dev.newsdesk.system.EventSettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void aClientMaySpendItsBurstThenWaitsForTheRate() {
        RateLimiter limiter = new RateLimiter(new EventSettings(10, 20, 100, 1000, 100), clock);

        assertThat(limiter.acquire("203.0.113.7", 20)).isZero();
        assertThat(limiter.acquire("203.0.113.7", 1)).isEqualTo(1);
        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.acquire("203.0.113.7", 5)).isZero();
        assertThat(limiter.acquire("203.0.113.7", 1)).isEqualTo(1);
    }

    @Test
    void clientsHaveBucketsOfTheirOwn() {
        RateLimiter limiter = new RateLimiter(new EventSettings(1, 5, 100, 1000, 100), clock);

        assertThat(limiter.acquire("203.0.113.7", 5)).isZero();
        assertThat(limiter.acquire("203.0.113.7", 1)).isPositive();
        assertThat(limiter.acquire("198.51.100.2", 5)).isZero();
    }

    @Test
    void addressesOfOneIpv6Slash64ShareABucket() {
        RateLimiter limiter = new RateLimiter(new EventSettings(1, 5, 100, 1000, 100), clock);

        assertThat(limiter.acquire("2001:db8:1:2::1", 5)).isZero();
        assertThat(limiter.acquire("2001:db8:1:2:ffff:ffff:ffff:ffff", 1)).isPositive();
        assertThat(limiter.acquire("2001:db8:1:3::1", 5)).isZero();
    }

    @Test
    void aRateOfZeroTurnsTheLimitOff() {
        RateLimiter limiter = new RateLimiter(new EventSettings(0, 1, 100, 1000, 100), clock);

        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.acquire("203.0.113.7", 100)).isZero();
        }
    }

    @Test
    void idleClientsAreForgottenSoMemoryStaysBounded() {
        RateLimiter limiter = new RateLimiter(new EventSettings(10, 10, 100, 100, 100), clock);
        for (int i = 0; i < 100; i++) {
            limiter.acquire("10.0.0." + i, 1);
        }
        clock.advance(Duration.ofSeconds(2));

        limiter.acquire("10.0.1.1", 1);

        assertThat(limiter.trackedClients()).isEqualTo(1);
    }
}
