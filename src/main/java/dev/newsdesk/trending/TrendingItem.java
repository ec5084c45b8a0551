package dev.newsdesk.trending;

/**
 * One entry of a trending list.
 *
 * @param rank 1 for the first entry
 * @param article the article
 * @param score what the list is ordered by (for {@code rising}: the short-window rate over the baseline)
 * @param pinned placed by an editor, not by score
 * @param explanation the article's score in the list's window (for {@code rising}: the short window)
 */
public record TrendingItem(int rank, ArticleMeta article, double score, boolean pinned, ScoreExplanation explanation) {}
