package dev.newsdesk.trending;

import java.util.Arrays;

/** Listed articles by publication minute, oldest first: a primitive min-heap of {@code minute << 32 | slot}. */
final class ExpiryHeap {

    private long[] heap = new long[1024];
    private int size;

    void push(long publishedMs, int slot) {
        long minute = Math.max(0, Math.floorDiv(publishedMs, 60_000L));
        long key = minute << 32 | slot;
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        int i = size++;
        while (i > 0 && heap[(i - 1) >>> 1] > key) {
            heap[i] = heap[(i - 1) >>> 1];
            i = (i - 1) >>> 1;
        }
        heap[i] = key;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The end (exclusive, in ms) of the oldest entry's publication minute. */
    long oldestMinuteEndMs() {
        return ((heap[0] >>> 32) + 1) * 60_000L;
    }

    static long minuteOf(long publishedMs) {
        return Math.max(0, Math.floorDiv(publishedMs, 60_000L));
    }

    long oldestMinute() {
        return heap[0] >>> 32;
    }

    /** Removes the oldest entry; returns its slot. */
    int pop() {
        int slot = (int) heap[0];
        long last = heap[--size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heap[child + 1] < heap[child]) {
                child++;
            }
            if (heap[child] >= last) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = last;
        return slot;
    }
}
