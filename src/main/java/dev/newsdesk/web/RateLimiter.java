package dev.newsdesk.web;

import dev.newsdesk.system.EventSettings;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * A token bucket per client network (an IPv4 address, an IPv6 /64: {@link ClientNetwork}) for {@code POST /events}.
 * Networks are keyed by a salted SHA-256 ({@link SaltedHash}), so no address is ever stored. Idle buckets are
 * forgotten once more than {@code trackedClients} are held.
 */
@Component
final class RateLimiter {

    private final double perMilli;
    private final int burst;
    private final int maxClients;
    private final Clock clock;
    private final SaltedHash hash = new SaltedHash();
    private final ConcurrentMap<Long, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(EventSettings settings, Clock clock) {
        this.perMilli = settings.ratePerSecond() / 1000.0;
        this.burst = settings.burst();
        this.maxClients = settings.trackedClients();
        this.clock = clock;
    }

    boolean enabled() {
        return perMilli > 0;
    }

    /** The most events one request may carry from an anonymous client: a bigger one could never pass. */
    int burst() {
        return burst;
    }

    /** Takes {@code n} tokens for the client; 0 when allowed, else the whole seconds until they would be there. */
    long acquire(String clientAddress, int n) {
        if (!enabled()) {
            return 0;
        }
        long now = clock.millis();
        if (buckets.size() >= maxClients) {
            forgetIdle(now);
        }
        Bucket b = buckets.computeIfAbsent(key(clientAddress), k -> new Bucket(burst, now));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.at) * perMilli);
            b.at = now;
            if (b.tokens >= n) {
                b.tokens -= n;
                return 0;
            }
            return (long) Math.ceil((n - b.tokens) / perMilli / 1000.0);
        }
    }

    private void forgetIdle(long now) {
        long refill = (long) Math.ceil(burst / perMilli);
        buckets.values().removeIf(b -> now - b.at >= refill);
        if (buckets.size() >= maxClients) {
            // every tracked client is active: start over rather than grow without bound
            buckets.clear();
        }
    }

    private long key(String address) {
        return hash.of(ClientNetwork.of(address));
    }

    int trackedClients() {
        return buckets.size();
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }
}
