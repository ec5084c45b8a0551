package dev.newsdesk.classify;

import java.util.Arrays;

/** Open-addressing maps on primitives for the featuriser's per-thread workspace (no boxing on the hot path). */
final class PrimitiveMaps {

    private PrimitiveMaps() {}

    static int mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h;
    }

    /** long to long; 0 is not a valid key. Keys and values interleaved (one cache line a probe). Clears itself when
     * full: it is a cache. */
    static final class LongLongCache {
        private final long[] slots;
        private final int mask;
        private final int capacity;
        private int size;

        LongLongCache(int capacityPow2) {
            slots = new long[capacityPow2 * 2];
            mask = capacityPow2 - 1;
            capacity = capacityPow2;
        }

        /** The value, or 0 when absent. */
        long get(long key) {
            int i = mix(key) & mask;
            while (true) {
                long k = slots[2 * i];
                if (k == key) {
                    return slots[2 * i + 1];
                }
                if (k == 0) {
                    return 0;
                }
                i = (i + 1) & mask;
            }
        }

        void put(long key, long value) {
            if (size * 2 > capacity) {
                Arrays.fill(slots, 0);
                size = 0;
            }
            int i = mix(key) & mask;
            while (slots[2 * i] != 0 && slots[2 * i] != key) {
                i = (i + 1) & mask;
            }
            if (slots[2 * i] == 0) {
                size++;
            }
            slots[2 * i] = key;
            slots[2 * i + 1] = value;
        }
    }

    /** int (non-negative) to float accumulator that remembers its keys, for one document's term counts. */
    static final class IntFloatCounter {
        private int[] keys;
        private float[] values;
        private int[] used;
        private int mask;
        private int size;

        IntFloatCounter(int capacityPow2) {
            keys = new int[capacityPow2];
            Arrays.fill(keys, -1);
            values = new float[capacityPow2];
            used = new int[capacityPow2];
            mask = capacityPow2 - 1;
        }

        /** Adds {@code delta} to the key's value; true when the key is new (it is then the last of the order). */
        boolean add(int key, float delta) {
            if (size * 2 >= keys.length) {
                grow();
            }
            int i = mix(key * 0x9E3779B97F4A7C15L) & mask;
            while (true) {
                int k = keys[i];
                if (k == key) {
                    values[i] += delta;
                    return false;
                }
                if (k == -1) {
                    keys[i] = key;
                    values[i] = delta;
                    used[size++] = i;
                    return true;
                }
                i = (i + 1) & mask;
            }
        }

        int size() {
            return size;
        }

        int keyAt(int n) {
            return keys[used[n]];
        }

        float valueAt(int n) {
            return values[used[n]];
        }

        void clear() {
            for (int n = 0; n < size; n++) {
                keys[used[n]] = -1;
            }
            size = 0;
        }

        private void grow() {
            int[] oldKeys = keys;
            float[] oldValues = values;
            int[] oldUsed = used;
            int oldSize = size;
            int cap = oldKeys.length * 2;
            keys = new int[cap];
            Arrays.fill(keys, -1);
            values = new float[cap];
            used = new int[cap];
            mask = cap - 1;
            size = 0;
            for (int n = 0; n < oldSize; n++) {
                add(oldKeys[oldUsed[n]], oldValues[oldUsed[n]]);
            }
        }
    }
}
