package dev.newsdesk.trending;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Honest counting: drops bots, prefetch and prerender requests, events too old to matter and repeat visits, and
 * counts every drop by reason. The stateless checks ({@link #screen}) run on the caller's thread; the dedupe check
 * ({@link #firstSeen}) under the engine's lock.
 */
final class EventGate {

    /**
     * An event after the stateless checks: {@code drop} is why it was dropped, or null when it passed with its
     * resolved time, weight and dedupe keys (0 = none).
     */
    record Screened(Outcome drop, EngagementEvent event, long timeMs, double weight, long key, long previousKey) {}

    private static final Screened[] DROPS = new Screened[Outcome.values().length];

    static {
        for (Outcome o : Outcome.values()) {
            DROPS[o.ordinal()] = new Screened(o, null, 0, 0, 0, 0);
        }
    }

    private final BotAgents bots;
    private final VisitorKeys keys;
    private final DedupeSet dedupe;
    private final long maxEventAgeMs;
    private final double[] weights = new double[EventType.values().length];
    private final int maxReadSeconds;
    private final LongAdder[] outcomes = new LongAdder[Outcome.values().length];
    private final LongAdder clamped = new LongAdder();

    EventGate(TrendingSettings settings, VisitorKeys.SaltSource salts) {
        this.bots = new BotAgents(settings.botAgents());
        long windowMs = settings.dedupeWindow().toMillis();
        this.keys = new VisitorKeys(settings.saltRotation().toMillis(), windowMs, salts);
        this.dedupe = windowMs == 0 ? null : new DedupeSet(windowMs, settings.dedupeCapacity());
        this.maxEventAgeMs = settings.maxEventAge().toMillis();
        settings.weights().forEach((t, w) -> weights[t.ordinal()] = w);
        this.maxReadSeconds = settings.maxReadSeconds();
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = new LongAdder();
        }
    }

    /** The checks that need no shared state; a drop is counted here. */
    Screened screen(EngagementEvent e, long nowMs) {
        String ua = e.userAgent();
        if (ua != null && bots.isBot(ua)) {
            return drop(Outcome.BOT);
        }
        if (isPrefetch(e.purpose())) {
            return drop(Outcome.PREFETCH);
        }
        long t = nowMs;
        if (e.time() != null) {
            t = e.time().toEpochMilli();
            if (t > nowMs) {
                t = nowMs;
                clamped.increment();
            } else if (nowMs - t > maxEventAgeMs) {
                return drop(Outcome.TOO_OLD);
            }
        }
        long key = 0;
        long previousKey = 0;
        if (dedupe != null && VisitorKeys.hasIdentity(e.visitorId(), e.ip())) {
            key = keys.key(nowMs, e.visitorId(), e.ip(), ua, e.articleId(), e.type());
            previousKey = keys.previousKey(nowMs, e.visitorId(), e.ip(), ua, e.articleId(), e.type());
        }
        return new Screened(null, e, t, weight(e), key, previousKey);
    }

    /** Reads the dedupe entry a screened event's check will probe first (see {@link DedupeSet#touch}). */
    long touch(Screened s) {
        return s.key() == 0 || dedupe == null ? 0 : dedupe.touch(s.key());
    }

    /** The dedupe check; the caller holds the engine lock. Counts nothing: the caller does. */
    boolean firstSeen(Screened s, long nowMs) {
        if (s.key() == 0) {
            return true;
        }
        if (s.previousKey() != 0 && dedupe.seen(s.previousKey(), nowMs)) {
            return false;
        }
        return dedupe.firstSeen(s.key(), nowMs);
    }

    double weight(EngagementEvent e) {
        double w = weights[e.type().ordinal()];
        return e.type() == EventType.READ ? w * Math.min(e.seconds(), maxReadSeconds) / 60.0 : w;
    }

    static boolean isPrefetch(String purpose) {
        if (purpose == null || purpose.isEmpty()) {
            return false;
        }
        String p = purpose.toLowerCase(Locale.ROOT);
        return p.contains("prefetch") || p.contains("prerender") || p.contains("preview");
    }

    Outcome count(Outcome o) {
        outcomes[o.ordinal()].increment();
        return o;
    }

    private Screened drop(Outcome o) {
        count(o);
        return DROPS[o.ordinal()];
    }

    Map<Outcome, Long> outcomes() {
        var m = new EnumMap<Outcome, Long>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            m.put(o, outcomes[o.ordinal()].sum());
        }
        return m;
    }

    long clampedToNow() {
        return clamped.sum();
    }
}
