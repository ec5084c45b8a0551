package dev.newsdesk.trending;

/** What a reader did with an article; each kind has its own weight in {@link TrendingSettings#weights()}. */
public enum EventType {
    /** The article page was shown. */
    VIEW,
    /** The reader spent engaged time on the article; the event carries the seconds. */
    READ,
    COMMENT,
    SHARE,
    LIKE
}
