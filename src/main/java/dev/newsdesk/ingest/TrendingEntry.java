package dev.newsdesk.ingest;

import java.util.Objects;

/**
 * One entry of a site's Trending block as a reader sees it, e.g. {@code Opinions} / {@code 4 years ago} / title; the
 * trending widget renders the same three parts.
 *
 * @param category the site category printed before the age, or null when the entry has none
 * @param age the relative age as printed ({@code 1 year ago}), never null
 * @param title the headline, never null
 */
public record TrendingEntry(String category, String age, String title) {

    public TrendingEntry {
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(title, "title");
        category = category == null || category.isBlank() ? null : category.strip();
    }
}
