package dev.newsdesk.web;

import dev.newsdesk.article.ArticleDeleted;
import dev.newsdesk.article.ArticleSaved;
import dev.newsdesk.article.ArticleStore;
import dev.newsdesk.article.StoredArticle;
import dev.newsdesk.system.TrendingProperties;
import dev.newsdesk.trending.ArticleMeta;
import dev.newsdesk.trending.Trending;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the trending engine's article metadata in step with the store: every stored article at start, each save
 * or delete as it happens, and articles stored through other nodes on their first event here and every
 * {@code newsdesk.trending.sync-interval}, with the deletions made through other nodes. Drafts and deleted articles
 * are registered as unpublished.
 */
@Component
final class TrendingFeed implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TrendingFeed.class);
    private static final Duration FORGET_UNKNOWN = Duration.ofMinutes(1);
    private static final int MAX_UNKNOWN = 100_000;
    /** How long deletion tombstones are kept for nodes to read. */
    private static final Duration KEEP_DELETIONS = Duration.ofDays(7);

    private final Trending trending;
    private final ArticleStore store;
    private final Clock clock;
    private final ConcurrentMap<String, Instant> unknown = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sync;
    private volatile Instant syncedTo;

    TrendingFeed(Trending trending, ArticleStore store, TrendingProperties properties, Clock clock) {
        this.trending = trending;
        this.store = store;
        this.clock = clock;
        Instant start = clock.instant();
        AtomicInteger n = new AtomicInteger();
        store.forEach(a -> {
            trending.register(meta(a));
            n.incrementAndGet();
        });
        syncedTo = start;
        log.info("trending: {} stored articles registered", n.get());
        if (properties.syncInterval().isZero()) {
            sync = null;
        } else {
            sync = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("newsdesk-trending-sync").factory());
            long every = properties.syncInterval().toMillis();
            sync.scheduleWithFixedDelay(this::syncQuietly, every, every, TimeUnit.MILLISECONDS);
        }
    }

    @EventListener
    void saved(ArticleSaved e) {
        unknown.remove(e.article().id());
        trending.register(meta(e.article()));
    }

    @EventListener
    void deleted(ArticleDeleted e) {
        unpublish(e.id());
    }

    private void unpublish(String id) {
        trending.register(new ArticleMeta(id, "", "", clock.instant(), null, null, false));
    }

    /**
     * Registers an article this node has not seen, from the store (another node stored it); false when the store
     * does not have it either. Misses are remembered for a minute so unknown ids cost no query each.
     */
    boolean registerFromStore(String id) {
        Instant now = clock.instant();
        Instant missed = unknown.get(id);
        if (missed != null && missed.plus(FORGET_UNKNOWN).isAfter(now)) {
            return false;
        }
        var found = store.find(id);
        if (found.isEmpty()) {
            if (unknown.size() >= MAX_UNKNOWN) {
                unknown.clear();
            }
            unknown.put(id, now);
            return false;
        }
        unknown.remove(id);
        trending.register(meta(found.get()));
        return true;
    }

    /**
     * Takes out articles deleted (anywhere) since the last look, then registers those stored or corrected, so one
     * deleted and stored again in between ends up listed; a minute of overlap covers clock skew.
     */
    void sync() {
        Instant now = clock.instant();
        Instant since = syncedTo.minus(Duration.ofMinutes(1));
        store.forEachDeletedSince(since, this::unpublish);
        store.forEachChangedSince(since, a -> trending.register(meta(a)));
        store.pruneDeletions(now.minus(KEEP_DELETIONS));
        syncedTo = now;
    }

    private void syncQuietly() {
        try {
            sync();
        } catch (RuntimeException e) {
            log.warn("trending sync with the article store failed: {}", e.getMessage());
        }
    }

    static ArticleMeta meta(StoredArticle a) {
        return new ArticleMeta(
                a.id(),
                a.title(),
                a.url() == null ? "" : a.url(),
                a.published() != null ? a.published() : a.createdAt(),
                a.label(),
                a.siteCategory(),
                !a.draft());
    }

    @Override
    public void destroy() {
        if (sync != null) {
            sync.shutdownNow();
        }
    }
}
