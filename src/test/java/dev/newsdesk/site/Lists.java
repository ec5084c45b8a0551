package dev.newsdesk.site;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds trending lists for renderer tests: {@code Lists.at(now).item("a1", "Title", "Crime", hours(3)).build()}. */
final class Lists {

    private final Instant now;
    private final List<ListedArticle> items = new ArrayList<>();
    private String scope = "all";
    private String window = "now";

    private Lists(Instant now) {
        this.now = now;
    }

    /** Two items: a demo-relative News link 3 hours old, an absolute Opinion link 400 days old. */
    static SiteList newsAndOpinion(Instant now) {
        return at(now).item("a1", "Dam spill floods two villages", "News", Duration.ofHours(3))
                .item(
                        "a2",
                        "Why the budget misses the point",
                        "https://site.example/op/2",
                        "Opinion",
                        Duration.ofDays(400))
                .build();
    }

    static Lists at(Instant now) {
        return new Lists(now);
    }

    Lists scope(String s) {
        scope = s;
        return this;
    }

    Lists window(String w) {
        window = w;
        return this;
    }

    Lists item(String id, String title, String category, Duration age) {
        return item(id, title, "/demo/" + id, category, age);
    }

    Lists item(String id, String title, String url, String category, Duration age) {
        items.add(new ListedArticle(items.size() + 1, id, title, url, category, now.minus(age)));
        return this;
    }

    SiteList build() {
        return new SiteList(scope, window, items);
    }
}
