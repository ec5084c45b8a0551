package dev.newsdesk.web;

import dev.newsdesk.trending.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code newsdesk.events} by {@code outcome}: accepted, each drop reason of the gate, rate_limited and network_quota.
 */
@Component
final class EventCounters {

    private final Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
    private final Counter rateLimited;
    private final Counter overNetworkQuota;

    EventCounters(MeterRegistry registry) {
        for (Outcome o : Outcome.values()) {
            byOutcome.put(o, counter(registry, o.name().toLowerCase(Locale.ROOT)));
        }
        rateLimited = counter(registry, "rate_limited");
        overNetworkQuota = counter(registry, EventController.NETWORK_QUOTA);
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("newsdesk.events")
                .description("Engagement events by outcome: accepted or why dropped")
                .tag("outcome", outcome)
                .register(registry);
    }

    void count(Outcome o) {
        byOutcome.get(o).increment();
    }

    void rateLimited(int n) {
        rateLimited.increment(n);
    }

    void overNetworkQuota(int n) {
        overNetworkQuota.increment(n);
    }
}
