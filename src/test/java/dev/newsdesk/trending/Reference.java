package dev.newsdesk.trending;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The straightforward computation the engine must agree with: keep every accepted event, and at read time sum
 * {@code weight * 2^(-(now - t) / halfLife)} over them plus {@code prior * 2^(-(now - published) / halfLife)}.
 * Dedupe by remembering when each (visitor, article, type) last counted.
 */
final class Reference {

    private record Counted(String articleId, long timeMs, double weight) {}

    private final TrendingSettings settings;
    private final Map<String, ArticleMeta> articles = new HashMap<>();
    private final List<Counted> events = new ArrayList<>();
    private final Map<String, Long> lastCounted = new HashMap<>();

    Reference(TrendingSettings settings) {
        this.settings = settings;
    }

    void register(ArticleMeta m) {
        articles.put(m.id(), m);
    }

    /** The outcome the engine should report for {@code e} at {@code nowMs}. */
    Outcome record(EngagementEvent e, long nowMs) {
        long t = e.time() == null ? nowMs : Math.min(e.time().toEpochMilli(), nowMs);
        if (nowMs - t > settings.maxEventAge().toMillis()) {
            return Outcome.TOO_OLD;
        }
        ArticleMeta m = articles.get(e.articleId());
        if (m == null) {
            return Outcome.UNKNOWN_ARTICLE;
        }
        if (!m.publishedBy(nowMs)) {
            return Outcome.UNPUBLISHED;
        }
        if (e.visitorId() != null) {
            String key = e.visitorId() + "|" + e.articleId() + "|" + e.type();
            Long last = lastCounted.get(key);
            if (last != null
                    && nowMs / 1000 - last / 1000 < settings.dedupeWindow().toSeconds()) {
                return Outcome.DUPLICATE;
            }
            lastCounted.put(key, nowMs);
        }
        double w = settings.weights().get(e.type());
        if (e.type() == EventType.READ) {
            w = w * Math.min(e.seconds(), settings.maxReadSeconds()) / 60.0;
        }
        events.add(new Counted(e.articleId(), t, w));
        return Outcome.ACCEPTED;
    }

    double engagement(String id, String window, long nowMs) {
        double halfLife = halfLifeMs(window);
        return events.stream()
                .filter(c -> c.articleId().equals(id))
                .mapToDouble(c -> c.weight() * Math.pow(2, -(nowMs - c.timeMs()) / halfLife))
                .sum();
    }

    double recency(String id, String window, long nowMs) {
        long pub = articles.get(id).publishedAt().toEpochMilli();
        return settings.recencyPrior() * Math.pow(2, -(nowMs - pub) / halfLifeMs(window));
    }

    double score(String id, String window, long nowMs) {
        return engagement(id, window, nowMs) + recency(id, window, nowMs);
    }

    /** Eligible articles of the scope, best first (no pins, blocks or category cap). */
    List<String> ranking(Scope scope, String window, long nowMs) {
        return articles.values().stream()
                .filter(m -> m.inScope(scope) && m.published())
                .filter(m -> m.publishedAt().toEpochMilli() <= nowMs
                        && nowMs - m.publishedAt().toEpochMilli()
                                <= settings.maxArticleAge().toMillis())
                .map(ArticleMeta::id)
                .sorted(Comparator.comparingDouble((String id) -> score(id, window, nowMs))
                        .reversed())
                .toList();
    }

    private double halfLifeMs(String window) {
        return settings.windows().stream()
                .filter(w -> w.name().equals(window))
                .findFirst()
                .orElseThrow()
                .halfLife()
                .toMillis();
    }
}
