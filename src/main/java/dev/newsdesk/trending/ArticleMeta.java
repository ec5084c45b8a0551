package dev.newsdesk.trending;

import java.time.Instant;
import java.util.Objects;

/**
 * What the trending engine knows about an article: enough to rank, filter and render a list item.
 *
 * @param id the article id events refer to (1 to 512 characters)
 * @param title shown in lists
 * @param url shown in lists
 * @param publishedAt publication time: drives the recency prior and the maximum age
 * @param label the classifier's (or editor's) label, or null while unknown; the label scope
 * @param siteCategory the site's own section, or null; the category scope and the variety cap
 * @param published false while a draft, scheduled or withdrawn: left out of lists, its events dropped (an article
 *     marked published with a publication time still to come is treated the same until that time)
 */
public record ArticleMeta(
        String id,
        String title,
        String url,
        Instant publishedAt,
        String label,
        String siteCategory,
        boolean published) {

    public ArticleMeta {
        EngagementEvent.checkArticleId(id);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(publishedAt, "publishedAt");
        label = blankToNull(label);
        siteCategory = blankToNull(siteCategory);
    }

    private static String blankToNull(String s) {
        if (s != null && (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0)) {
            throw new IllegalArgumentException("label and site category must be one line");
        }
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Published, and its publication time has come: its events count. */
    boolean publishedBy(long nowMs) {
        return published && publishedAt.toEpochMilli() <= nowMs;
    }

    boolean inScope(Scope scope) {
        return switch (scope.kind()) {
            case ALL -> true;
            case LABEL -> scope.value().equals(label);
            case CATEGORY -> scope.value().equals(siteCategory);
        };
    }
}
