package dev.newsdesk.trending;

import java.time.Duration;
import java.time.Instant;

/** Test data: articles with sensible defaults. */
final class Articles {

    private Articles() {}

    static ArticleMeta article(String id, Instant published) {
        return new ArticleMeta(id, "Title " + id, "https://news.example/" + id, published, "News", null, true);
    }

    static ArticleMeta article(String id, Instant published, String label, String category) {
        return new ArticleMeta(id, "Title " + id, "https://news.example/" + id, published, label, category, true);
    }

    static ArticleMeta unpublished(String id, Instant published) {
        return new ArticleMeta(id, "Title " + id, "https://news.example/" + id, published, "News", null, false);
    }

    static Instant ago(MutableClock clock, Duration d) {
        return clock.instant().minus(d);
    }
}
