package dev.newsdesk.trending;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Editor pins (shown first, in pin order) and blocks (never shown), as immutable snapshots for lock-free reads. */
final class Editorial {

    static final int PIN = 1;
    static final int UNPIN = 2;
    static final int BLOCK = 3;
    static final int UNBLOCK = 4;

    /** One consistent view. */
    record Snapshot(List<String> pins, Set<String> blocks) {}

    private volatile Snapshot snapshot = new Snapshot(List.of(), Set.of());

    Snapshot snapshot() {
        return snapshot;
    }

    synchronized void apply(int action, String id) {
        var pins = new LinkedHashSet<>(snapshot.pins());
        var blocks = new LinkedHashSet<>(snapshot.blocks());
        switch (action) {
            case PIN -> pins.add(id);
            case UNPIN -> pins.remove(id);
            case BLOCK -> blocks.add(id);
            case UNBLOCK -> blocks.remove(id);
            default -> throw new IllegalArgumentException("unknown editorial action " + action);
        }
        snapshot = new Snapshot(List.copyOf(pins), Set.copyOf(blocks));
    }

    synchronized void replace(List<String> pins, Set<String> blocks) {
        snapshot = new Snapshot(List.copyOf(pins), Set.copyOf(blocks));
    }
}
