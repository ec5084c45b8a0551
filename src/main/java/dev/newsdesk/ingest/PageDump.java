package dev.newsdesk.ingest;

import java.util.List;

/**
 * A news page's text dump, read: its articles (one for an article page, several for a listing) and the entries of
 * its Trending block, in page order.
 */
public record PageDump(List<Article> articles, List<TrendingEntry> trending) {

    public PageDump {
        articles = List.copyOf(articles);
        trending = List.copyOf(trending);
    }
}
