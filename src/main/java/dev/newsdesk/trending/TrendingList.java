package dev.newsdesk.trending;

import java.time.Instant;
import java.util.List;

/**
 * A ranked list as of {@code at}.
 *
 * @param scope which articles it ranks
 * @param window the window name, or {@code rising}
 * @param at the time the scores were decayed to
 * @param items best first
 */
public record TrendingList(Scope scope, String window, Instant at, List<TrendingItem> items) {
    public TrendingList {
        items = List.copyOf(items);
    }

    /** The article ids in list order. */
    public List<String> ids() {
        return items.stream().map(i -> i.article().id()).toList();
    }
}
