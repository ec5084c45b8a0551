package dev.newsdesk.trending;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counters since this engine started (not restored on restart).
 *
 * @param backend {@code embedded}, {@code embedded-durable} or {@code redis}
 * @param articles registered articles
 * @param outcomes events by outcome: {@link Outcome#ACCEPTED} and each drop reason
 * @param clampedToNow accepted events whose time was in the future and was set to now
 * @param logBytes the embedded event log on disk (checkpoints keep it to a few segments); 0 without one
 */
public record TrendingStats(
        String backend, int articles, Map<Outcome, Long> outcomes, long clampedToNow, long logBytes) {
    public TrendingStats {
        var copy = new EnumMap<Outcome, Long>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            copy.put(o, outcomes.getOrDefault(o, 0L));
        }
        outcomes = Collections.unmodifiableMap(copy);
    }

    public long accepted() {
        return outcomes.get(Outcome.ACCEPTED);
    }

    public long dropped(Outcome reason) {
        return outcomes.get(reason);
    }
}
