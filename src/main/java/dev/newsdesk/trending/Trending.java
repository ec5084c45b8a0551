package dev.newsdesk.trending;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The trending engine: register articles, record engagement events, read ranked lists. Thread-safe.
 *
 * <pre>{@code
 * try (Trending trending = Trending.open(TrendingSettings.DEFAULTS, Clock.systemUTC())) {
 *     trending.register(new ArticleMeta("a1", "Title", "https://...", published, "News", "politics", true));
 *     trending.record(EngagementEvent.view("a1").by(visitorId).from(ip, userAgent));
 *     TrendingList now = trending.top(Scope.ALL, "now", 10);
 * }
 * }</pre>
 *
 * Scores are exponentially decayed engagement plus a publication-recency prior, kept with forward decay. Events
 * pass a gate first (bots, prefetch, repeat visits). The embedded backend keeps an fsynced event log and restores
 * the exact scores from it on open; articles are not in the log: register them again after opening.
 */
public final class Trending implements AutoCloseable {

    private final TrendingSettings settings;
    private final Engine engine;

    private Trending(TrendingSettings settings, Engine engine) {
        this.settings = settings;
        this.engine = engine;
    }

    /** Opens the backend the settings choose; the embedded one replays its event log first. */
    public static Trending open(TrendingSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        Engine engine =
                switch (settings.storage().backend()) {
                    case EMBEDDED -> new EmbeddedEngine(settings, clock, ScoreIndex.REBASE_EXPONENT);
                    case REDIS -> RedisEngine.connect(settings, clock);
                };
        return new Trending(settings, engine);
    }

    static Trending of(TrendingSettings settings, Engine engine) {
        return new Trending(settings, engine);
    }

    public TrendingSettings settings() {
        return settings;
    }

    /** Adds an article or updates it (title, label, category, publication); events for unregistered ids are dropped. */
    public void register(ArticleMeta article) {
        engine.register(Objects.requireNonNull(article, "article"));
    }

    /** Counts the event, or drops it and says why; returns once an accepted event is durable. */
    public Outcome record(EngagementEvent event) {
        return engine.record(Objects.requireNonNull(event, "event"));
    }

    /** Like {@link #record}, without blocking: completes once an accepted event is durable. */
    public CompletionStage<Outcome> recordAsync(EngagementEvent event) {
        return engine.recordAsync(Objects.requireNonNull(event, "event"));
    }

    /**
     * {@link #recordAsync} for a batch (an API request's array), in order; the embedded engine takes its lock once
     * and overlaps the batch's memory reads, so a batch costs less per event than events one by one.
     */
    public List<CompletionStage<Outcome>> recordAllAsync(List<EngagementEvent> events) {
        events.forEach(e -> Objects.requireNonNull(e, "event"));
        return engine.recordAllAsync(events);
    }

    /** The best {@code limit} articles of the scope in the window: pinned first, then by score. */
    public TrendingList top(Scope scope, String window, int limit) {
        return engine.top(Objects.requireNonNull(scope, "scope"), settings.windowIndex(window), checkLimit(limit));
    }

    /** Articles whose short-window rate most exceeds their long-window baseline. */
    public TrendingList rising(Scope scope, int limit) {
        return engine.rising(Objects.requireNonNull(scope, "scope"), checkLimit(limit));
    }

    /** How the article's score in the window is made up; empty for an unknown article. */
    public Optional<ScoreExplanation> explain(String articleId, String window) {
        return engine.explain(Objects.requireNonNull(articleId, "articleId"), settings.windowIndex(window));
    }

    /** Shows the article first in every list of its scopes (in pin order), whatever its score or age. */
    public void pin(String articleId) {
        editorial(Editorial.PIN, articleId);
    }

    public void unpin(String articleId) {
        editorial(Editorial.UNPIN, articleId);
    }

    /** Never shows the article in any list, pinned or not. */
    public void block(String articleId) {
        editorial(Editorial.BLOCK, articleId);
    }

    public void unblock(String articleId) {
        editorial(Editorial.UNBLOCK, articleId);
    }

    private void editorial(int action, String articleId) {
        EngagementEvent.checkArticleId(articleId);
        engine.editorial(action, articleId);
    }

    public TrendingStats stats() {
        return engine.stats();
    }

    /** Redis: sends the increments gathered so far now instead of at the next tick. Embedded: nothing to do. */
    public void flush() {
        engine.flush();
    }

    @Override
    public void close() {
        engine.close();
    }

    private int checkLimit(int limit) {
        if (limit < 1 || limit > settings.maxListSize()) {
            throw new IllegalArgumentException("limit must be 1 to " + settings.maxListSize() + ", was " + limit);
        }
        return limit;
    }
}
