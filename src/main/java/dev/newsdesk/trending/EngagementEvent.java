package dev.newsdesk.trending;

import java.time.Instant;
import java.util.Objects;

/**
 * One reader action on an article, as the beacon or the CMS reports it. Visitor id, IP and user agent are
 * only read by the gate (hashed with a rotating salt for dedupe) and never stored.
 *
 * @param articleId the article (1 to 512 characters)
 * @param type what happened
 * @param seconds engaged seconds, for {@link EventType#READ} (0 otherwise)
 * @param time when it happened, or null for now; future times are clamped to now, times older than
 *     {@link TrendingSettings#maxEventAge()} are dropped
 * @param visitorId a first-party visitor id, or null; with {@code ip} the dedupe identity
 * @param ip the client address, or null; used for dedupe (with the user agent) when there is no visitor id (the HTTP
 *     layer sends a client's network: an IPv4 address, an IPv6 address's /64)
 * @param userAgent the {@code User-Agent} header; null for server-side events (comments from the CMS), which
 *     skip the bot check; blank counts as a bot
 * @param purpose the {@code Sec-Purpose} header, else {@code Purpose} / {@code X-Purpose} / {@code X-Moz}, or null;
 *     prefetch and prerender requests are dropped
 */
public record EngagementEvent(
        String articleId,
        EventType type,
        int seconds,
        Instant time,
        String visitorId,
        String ip,
        String userAgent,
        String purpose) {

    static final int MAX_ID_LENGTH = 512;

    public EngagementEvent {
        checkArticleId(articleId);
        Objects.requireNonNull(type, "type");
        if (seconds < 0) {
            throw new IllegalArgumentException("engaged seconds must not be negative, was " + seconds);
        }
    }

    /** A view now, with no visitor identity: add one with {@link #by} or {@link #from}. */
    public static EngagementEvent view(String articleId) {
        return of(EventType.VIEW, articleId);
    }

    /** A {@link EventType#READ} of {@code seconds} engaged seconds, now. */
    public static EngagementEvent read(String articleId, int seconds) {
        return new EngagementEvent(articleId, EventType.READ, seconds, null, null, null, null, null);
    }

    public static EngagementEvent of(EventType type, String articleId) {
        return new EngagementEvent(articleId, type, 0, null, null, null, null, null);
    }

    public EngagementEvent at(Instant when) {
        return new EngagementEvent(articleId, type, seconds, when, visitorId, ip, userAgent, purpose);
    }

    public EngagementEvent by(String visitor) {
        return new EngagementEvent(articleId, type, seconds, time, visitor, ip, userAgent, purpose);
    }

    public EngagementEvent from(String clientIp, String agent) {
        return new EngagementEvent(articleId, type, seconds, time, visitorId, clientIp, agent, purpose);
    }

    public EngagementEvent withPurpose(String purposeHeader) {
        return new EngagementEvent(articleId, type, seconds, time, visitorId, ip, userAgent, purposeHeader);
    }

    static void checkArticleId(String id) {
        Objects.requireNonNull(id, "article id");
        if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("article id must be 1 to " + MAX_ID_LENGTH + " characters");
        }
    }
}
