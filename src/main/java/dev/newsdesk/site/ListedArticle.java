package dev.newsdesk.site;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a trending list as the site shows it.
 *
 * @param rank 1 for the first entry
 * @param id the article id
 * @param title the headline
 * @param url where the article is read; may be relative to the Newsdesk server (the demo articles)
 * @param category what the entry is filed under: the site's section, else the label, else empty
 * @param published publication time
 */
record ListedArticle(int rank, String id, String title, String url, String category, Instant published) {

    ListedArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(published, "published");
        title = title == null ? "" : title;
        url = url == null ? "" : url;
        category = category == null ? "" : category;
    }
}
