package dev.newsdesk.system;

import dev.newsdesk.trending.EventType;
import dev.newsdesk.trending.TrendingSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code newsdesk.trending.*}: the trending engine's settings as configuration; anything unset keeps
 * {@link TrendingSettings#DEFAULTS}.
 *
 * @param backend {@code embedded} (in-process index, event log under {@code <data>/trending}) or {@code redis}
 * @param redisUri Redis for the {@code redis} backend, e.g. {@code redis://127.0.0.1:6379}
 * @param redisKeyPrefix every Redis key starts with this; nodes that share a list share the prefix
 * @param windows list windows by name, each a half-life (e.g. {@code now=2h}); unset keeps now=2h, today=12h, week=84h
 * @param weights weight of one event per type ({@code view}, {@code read} per engaged minute, {@code comment},
 *     {@code share}, {@code like})
 * @param recencyPrior engagement a new article starts with at its publication time
 * @param maxArticleAge articles published longer ago are left out of lists
 * @param maxPerCategory at most this many items of one site category per list
 * @param maxListSize the largest {@code limit} a caller may ask for
 * @param dedupeWindow the same visitor counts once per article and event type within this time
 * @param maxEventAge events older than this are dropped
 * @param syncInterval how often articles stored through other nodes are picked up; {@code 0} turns it off
 */
@ConfigurationProperties("newsdesk.trending")
public record TrendingProperties(
        @DefaultValue("embedded") String backend,
        String redisUri,
        @DefaultValue("newsdesk:trending") String redisKeyPrefix,
        Map<String, Duration> windows,
        Map<String, Double> weights,
        Double recencyPrior,
        Duration maxArticleAge,
        Integer maxPerCategory,
        Integer maxListSize,
        Duration dedupeWindow,
        Duration maxEventAge,
        @DefaultValue("10s") Duration syncInterval) {

    public TrendingProperties {
        backend = backend.strip().toLowerCase(Locale.ROOT);
        if (!backend.equals("embedded") && !backend.equals("redis")) {
            throw new IllegalArgumentException("newsdesk.trending.backend must be embedded or redis, was " + backend);
        }
        windows = windows == null ? Map.of() : new LinkedHashMap<>(windows);
        weights = weights == null ? Map.of() : Map.copyOf(weights);
    }

    private static EventType eventType(String name) {
        for (EventType t : EventType.values()) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("newsdesk.trending.weights." + name + ": no such event type; use view, read,"
                + " comment, share or like");
    }

    public boolean redis() {
        return backend.equals("redis");
    }

    /** The engine's settings: these overrides on the defaults, the event log under the data directory. */
    public TrendingSettings toSettings(DataSettings data) {
        TrendingSettings d = TrendingSettings.DEFAULTS;
        List<TrendingSettings.Window> w = new ArrayList<>();
        windows.forEach((name, halfLife) -> w.add(new TrendingSettings.Window(name, halfLife)));
        Map<EventType, Double> weighted = new EnumMap<>(EventType.class);
        weights.forEach((type, value) -> weighted.put(eventType(type), value));
        TrendingSettings.Storage storage = redis()
                ? TrendingSettings.Storage.redis(redisUri, redisKeyPrefix)
                : TrendingSettings.Storage.durable(data.resolve("trending"));
        return new TrendingSettings(
                w.isEmpty() ? d.windows() : w,
                weighted.isEmpty() ? d.weights() : weighted,
                d.maxReadSeconds(),
                recencyPrior != null ? recencyPrior : d.recencyPrior(),
                maxArticleAge != null ? maxArticleAge : d.maxArticleAge(),
                maxPerCategory != null ? maxPerCategory : d.maxPerCategory(),
                maxListSize != null ? maxListSize : d.maxListSize(),
                dedupeWindow != null ? dedupeWindow : d.dedupeWindow(),
                d.dedupeCapacity(),
                maxEventAge != null ? maxEventAge : d.maxEventAge(),
                d.saltRotation(),
                d.botAgents(),
                d.rising(),
                storage);
    }
}
