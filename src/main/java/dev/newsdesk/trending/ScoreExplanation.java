package dev.newsdesk.trending;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Why an article has its score in one window: {@code score = engagement + recency}, both decayed to {@code now}.
 *
 * @param articleId the article
 * @param window the window name
 * @param halfLife the window's half-life
 * @param score what the list ranks by, in view-equivalents decayed to now
 * @param engagement the part from counted events: each adds its weight, halved every half-life since it happened
 * @param recency the publication prior: {@link TrendingSettings#recencyPrior()} halved every half-life since publication
 * @param counts counted (accepted) events by type, undecayed
 */
public record ScoreExplanation(
        String articleId,
        String window,
        Duration halfLife,
        double score,
        double engagement,
        double recency,
        Map<EventType, Long> counts) {

    public ScoreExplanation {
        var copy = new EnumMap<EventType, Long>(EventType.class);
        for (EventType t : EventType.values()) {
            copy.put(t, counts.getOrDefault(t, 0L));
        }
        counts = Collections.unmodifiableMap(copy);
    }
}
