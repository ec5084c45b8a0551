package dev.newsdesk.trending;

import java.util.Arrays;

/**
 * Article id to slot, by linear probing over an int table: 12 bytes a slot instead of a HashMap's 50 or so. An entry
 * is {@code slot + 1} in its low {@code bits} bits (the table has {@code 2^bits} entries, at most half of them used)
 * and, above them, the bits of the id's scrambled hash that its home position does not already fix: a probe passes
 * over an entry of another id without touching that id's string (a cache miss or three at a million articles),
 * unless the two ids' {@code hashCode}s are equal.
 */
final class IdIndex {

    private String[] ids = new String[1024];
    private int bits = 11;
    private int[] table = new int[1 << bits]; // tag << bits | (slot + 1); 0 = empty
    private int size;

    int size() {
        return size;
    }

    String id(int slot) {
        return ids[slot];
    }

    /** Swaps the stored id for an equal instance (the registered metadata's), so one copy stays in memory. */
    void share(int slot, String sameId) {
        ids[slot] = sameId;
    }

    /**
     * Reads the table entry {@code id} probes first and the id string it points at, for a batch's first pass: the
     * misses of a whole batch then overlap.
     */
    int touch(String id) {
        int h = scramble(id.hashCode());
        int b = bits;
        int e = table[h >>> (32 - b)];
        int slot = (e & ((1 << b) - 1)) - 1;
        String stored = slot < 0 ? null : ids[slot];
        return stored == null || stored.isEmpty() ? 0 : stored.charAt(0);
    }

    int find(String id) {
        int h = scramble(id.hashCode());
        int b = bits;
        int mask = (1 << b) - 1;
        int tag = tag(h, b);
        int[] t = table;
        for (int i = h >>> (32 - b); ; i = (i + 1) & mask) {
            int e = t[i];
            if (e == 0) {
                return -1;
            }
            if (e >>> b == tag) {
                int slot = (e & mask) - 1;
                if (ids[slot].equals(id)) {
                    return slot;
                }
            }
        }
    }

    /** Adds an id that {@link #find} does not know; returns its slot, the next free one. */
    int add(String id) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        if (2 * (size + 1) > table.length) {
            rehash(bits + 1);
        }
        int slot = size++;
        ids[slot] = id;
        insert(slot);
        return slot;
    }

    private void insert(int slot) {
        int h = scramble(ids[slot].hashCode());
        int mask = table.length - 1;
        int i = h >>> (32 - bits);
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = tag(h, bits) << bits | (slot + 1);
    }

    private void rehash(int newBits) {
        bits = newBits;
        table = new int[1 << newBits];
        for (int s = 0; s < size; s++) {
            insert(s);
        }
    }

    /** A bijection of the hash: its top bits pick the home position, the rest is the tag. */
    private static int scramble(int h) {
        return h * 0x9E3779B9;
    }

    private static int tag(int scrambled, int bits) {
        return scrambled & (int) ((1L << (32 - bits)) - 1);
    }
}
