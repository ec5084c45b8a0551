package dev.newsdesk.trending;

/** What became of a recorded event: counted, or dropped and why. */
public enum Outcome {
    ACCEPTED,
    /** The user agent is a known crawler, preview fetcher, monitor or script, or is blank. */
    BOT,
    /** A prefetch or prerender request ({@code Sec-Purpose} / {@code Purpose}), not a reader. */
    PREFETCH,
    /** The same visitor already counted for this article and event type within the dedupe window. */
    DUPLICATE,
    /** No article with this id is registered. */
    UNKNOWN_ARTICLE,
    /** The article is registered but not published (previews by editors do not count). */
    UNPUBLISHED,
    /** The event time is older than {@link TrendingSettings#maxEventAge()}. */
    TOO_OLD;

    public boolean accepted() {
        return this == ACCEPTED;
    }
}
