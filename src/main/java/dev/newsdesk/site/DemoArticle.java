package dev.newsdesk.site;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One invented article of the demo site, as bundled in {@code site/demo-articles.json}.
 *
 * @param id the article id, also its page {@code /demo/<id>}
 * @param title the headline
 * @param author the byline
 * @param category the demo site's section (not the label: the classifier gives that)
 * @param hoursAgo how long before the server started the article counts as published, so the demo stays fresh
 * @param paragraphs the body
 */
record DemoArticle(String id, String title, String author, String category, int hoursAgo, List<String> paragraphs) {

    DemoArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        paragraphs = List.copyOf(paragraphs);
        if (hoursAgo < 0) {
            throw new IllegalArgumentException("hoursAgo must not be negative: " + id);
        }
    }

    String body() {
        return String.join("\n\n", paragraphs);
    }

    String path() {
        return "/demo/" + id;
    }

    Instant publishedAt(Instant loadedAt) {
        return loadedAt.minus(Duration.ofHours(hoursAgo));
    }
}
