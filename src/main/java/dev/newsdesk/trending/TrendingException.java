package dev.newsdesk.trending;

/** The trending store cannot work: an unreadable or corrupt event log, or Redis unreachable. */
public class TrendingException extends RuntimeException {
    public TrendingException(String message) {
        super(message);
    }

    public TrendingException(String message, Throwable cause) {
        super(message, cause);
    }
}
