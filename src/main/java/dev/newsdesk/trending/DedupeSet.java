package dev.newsdesk.trending;

import java.util.Arrays;

/**
 * The visitor-article pairs seen within the dedupe window, in two generations of open-addressing tables (keys are
 * 64-bit salted hashes, values the second they were counted). The older generation is dropped when a window has
 * passed, so memory stays bounded by the pairs of the last two windows; past {@code maxEntries} in one generation
 * it rotates early, which shortens the window for some pairs instead of growing. Not thread-safe: the engine holds
 * its lock.
 */
final class DedupeSet {

    private static final int INITIAL_SLOTS = 1024;

    private final long windowMs;
    private final int maxEntries;
    private Table current = new Table(INITIAL_SLOTS);
    private Table previous = new Table(INITIAL_SLOTS);
    private long generationStart = Long.MIN_VALUE;

    DedupeSet(long windowMs, int maxEntries) {
        this.windowMs = windowMs;
        this.maxEntries = maxEntries;
    }

    /** True if {@code key} was not counted within the window (and remembers it now); false for a duplicate. */
    boolean firstSeen(long key, long nowMs) {
        rotateIfDue(nowMs);
        int nowSec = seconds(nowMs);
        if (within(previous.get(key), nowSec) || within(current.get(key), nowSec)) {
            return false;
        }
        current.put(key, nowSec);
        if (current.size > maxEntries) {
            rotate(nowMs);
        }
        return true;
    }

    /** True if {@code key} was counted within the window; remembers nothing. */
    boolean seen(long key, long nowMs) {
        rotateIfDue(nowMs);
        int nowSec = seconds(nowMs);
        return within(previous.get(key), nowSec) || within(current.get(key), nowSec);
    }

    int size() {
        return current.size + previous.size;
    }

    private boolean within(int countedSec, int nowSec) {
        return countedSec != Table.ABSENT && (long) nowSec - countedSec < Math.ceilDiv(windowMs, 1000);
    }

    private static int seconds(long ms) {
        return (int) Math.floorDiv(ms, 1000L);
    }

    private void rotateIfDue(long nowMs) {
        if (generationStart == Long.MIN_VALUE) {
            generationStart = nowMs;
        } else if (nowMs - generationStart >= 2 * windowMs) {
            current.clear();
            previous.clear();
            generationStart = nowMs;
        } else if (nowMs - generationStart >= windowMs) {
            rotate(nowMs);
        }
    }

    private void rotate(long nowMs) {
        Table t = previous;
        previous = current;
        t.clear();
        current = t;
        generationStart = nowMs;
    }

    /** Linear probing on long keys (0 = empty) with int values; grows to keep the load under one half. */
    private static final class Table {
        static final int ABSENT = Integer.MIN_VALUE;

        long[] keys;
        int[] values;
        int size;

        Table(int slots) {
            keys = new long[slots];
            values = new int[slots];
        }

        int get(long key) {
            int mask = keys.length - 1;
            for (int i = (int) key & mask; ; i = (i + 1) & mask) {
                long k = keys[i];
                if (k == key) {
                    return values[i];
                }
                if (k == 0) {
                    return ABSENT;
                }
            }
        }

        void put(long key, int value) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int i = (int) key & mask;
            while (keys[i] != 0 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (keys[i] == 0) {
                size++;
            }
            keys[i] = key;
            values[i] = value;
        }

        void clear() {
            if (keys.length > INITIAL_SLOTS * 64 && size < keys.length / 16) {
                keys = new long[INITIAL_SLOTS];
                values = new int[INITIAL_SLOTS];
            } else {
                Arrays.fill(keys, 0);
            }
            size = 0;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    put(oldKeys[i], oldValues[i]);
                }
            }
        }
    }
}
