package dev.newsdesk.web;

import dev.newsdesk.system.EventSettings;
import dev.newsdesk.trending.EventType;
import dev.newsdesk.trending.Trending;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * At most {@code newsdesk.events.per-network-article} counted events of one type for one article from one client
 * network ({@link ClientNetwork}) per trending dedupe window, whatever visitor ids the network sends. Visitor ids
 * come from the browser: without this quota one script could make up a new id for every view and count, at the rate
 * limit's pace, as 36,000 readers of one article in half an hour. With it, a network counts as at most that many
 * readers of an article per window; readers behind one shared address (a carrier's NAT) share it, which is why the
 * quota is a setting and its drops a metric of their own.
 *
 * <p>Only events the engine counted use the quota: an event is let through while its pair's count, plus the events of
 * the same request already let through, is under the quota, and the pair is counted once the engine has accepted the
 * event; a repeat or a bot uses none of it, and made-up article ids never enter the table. Concurrent requests of
 * one network may pass the quota by as many events as they carry between them. Windows are fixed: every pair starts
 * over at each multiple of the dedupe window. Pairs are held as salted 64-bit hashes ({@link SaltedHash}), in one
 * table of at most four times {@code tracked-clients} pairs and never more than {@value #MAX_PAIRS}; when it is
 * full, pairs it does not hold go unlimited until the window ends, rather than anyone's count being reset.
 */
@Component
final class NetworkQuota {

    private static final int INITIAL = 1024;
    private static final int MAX_PAIRS = 1 << 20;

    private final int quota;
    private final long windowMs;
    private final int maxPairs;
    private final Clock clock;
    private final SaltedHash hash = new SaltedHash();
    private long window = Long.MIN_VALUE;
    private long[] keys = new long[INITIAL]; // 0 = empty
    private int[] counts = new int[INITIAL];
    private int size;

    NetworkQuota(EventSettings settings, Trending trending, Clock clock) {
        this.quota = settings.perNetworkArticle();
        this.windowMs = Math.max(1, trending.settings().dedupeWindow().toMillis());
        this.maxPairs = (int) Math.min(MAX_PAIRS, 4L * settings.trackedClients());
        this.clock = clock;
    }

    boolean enabled() {
        return quota > 0;
    }

    /** The key of a client network, once per request. */
    long network(String clientNetwork) {
        return hash.of(clientNetwork);
    }

    /** The key of one network's events of one type for one article. */
    static long pair(long network, String articleId, EventType type) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < articleId.length(); i++) {
            h = (h ^ articleId.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ type.ordinal()) * 0x9E3779B97F4A7C15L ^ network;
        h ^= h >>> 31;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 29;
        return h == 0 ? 1 : h;
    }

    /**
     * Which of a request's events may count: false for those over their pair's quota, the request's own events let
     * through before them reckoned in. One call a request, so the lock is taken once.
     */
    synchronized boolean[] allow(long[] pairs) {
        roll();
        boolean[] ok = new boolean[pairs.length];
        // this request's events let through so far, per pair: a small table of its own, at most half full
        int room = Integer.highestOneBit(Math.max(1, pairs.length) * 2) * 2;
        long[] letKeys = new long[room];
        int[] letCounts = new int[room];
        for (int e = 0; e < pairs.length; e++) {
            long pair = pairs[e];
            int i = slot(keys, pair);
            int j = slot(letKeys, pair);
            if ((keys[i] == 0 ? 0 : counts[i]) + letCounts[j] < quota) {
                ok[e] = true;
                letKeys[j] = pair;
                letCounts[j]++;
            }
        }
        return ok;
    }

    /** Counts the request's events that the engine accepted. */
    synchronized void count(long[] pairs, boolean[] accepted) {
        roll();
        for (int e = 0; e < pairs.length; e++) {
            if (accepted[e]) {
                countOne(pairs[e]);
            }
        }
    }

    private void countOne(long pair) {
        int i = slot(keys, pair);
        if (keys[i] == 0) {
            if (size >= maxPairs) {
                return;
            }
            if (2 * (size + 1) > keys.length) {
                grow();
                i = slot(keys, pair);
            }
            keys[i] = pair;
            size++;
        }
        counts[i]++;
    }

    /** Starts the table over when a new window has begun. */
    private void roll() {
        long w = clock.millis() / windowMs;
        if (w != window) {
            window = w;
            keys = new long[INITIAL];
            counts = new int[INITIAL];
            size = 0;
        }
    }

    /** Pairs held in the current window. */
    synchronized int pairs() {
        return size;
    }

    /** Where the pair is in {@code table} (a power of two long, never full), or the empty slot it would go to. */
    private static int slot(long[] table, long pair) {
        int mask = table.length - 1;
        int i = (int) (pair ^ (pair >>> 32)) & mask;
        while (table[i] != 0 && table[i] != pair) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = slot(keys, oldKeys[j]);
                keys[i] = oldKeys[j];
                counts[i] = oldCounts[j];
            }
        }
    }
}
