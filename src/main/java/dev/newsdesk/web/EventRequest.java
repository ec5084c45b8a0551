package dev.newsdesk.web;

import dev.newsdesk.trending.EngagementEvent;
import dev.newsdesk.trending.EventType;
import java.time.Instant;

/**
 * One engagement event as a page or the CMS sends it.
 *
 * @param articleId the article (1 to 512 characters)
 * @param type {@code view} (default), {@code read}, {@code comment}, {@code share} or {@code like}
 * @param seconds engaged seconds, for {@code read}
 * @param time when it happened (ISO-8601), else now
 * @param visitorId a first-party visitor id, hashed for dedupe and never stored
 */
record EventRequest(String articleId, String type, Integer seconds, Instant time, String visitorId) {

    private static final int MAX_VISITOR = 200;

    /** The engine's event, with the request's address, agent and purpose; {@code field} prefixes messages. */
    EngagementEvent toEvent(String ip, String userAgent, String purpose, String field) {
        if (articleId == null || articleId.isBlank()) {
            throw invalid(field + "articleId", "is required");
        }
        if (visitorId != null && visitorId.length() > MAX_VISITOR) {
            throw invalid(field + "visitorId", "must be at most " + MAX_VISITOR + " characters");
        }
        if (seconds != null && (seconds < 0 || seconds > 86_400)) {
            throw invalid(field + "seconds", "must be 0 to 86400");
        }
        try {
            return new EngagementEvent(
                    articleId,
                    type(field),
                    seconds == null ? 0 : seconds,
                    time,
                    blankToNull(visitorId),
                    ip,
                    userAgent,
                    purpose);
        } catch (IllegalArgumentException e) {
            throw invalid(field + "articleId", e.getMessage());
        }
    }

    private EventType type(String field) {
        if (type == null) {
            return EventType.VIEW;
        }
        for (EventType t : EventType.values()) {
            if (t.name().equalsIgnoreCase(type.strip())) {
                return t;
            }
        }
        throw invalid(field + "type", "must be one of view, read, comment, share, like");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(ProblemKind.INVALID_FIELD, "'" + field + "' " + message)
                .with("errors", java.util.List.of(new ProblemAdvice.FieldProblem(field, message)));
    }
}
