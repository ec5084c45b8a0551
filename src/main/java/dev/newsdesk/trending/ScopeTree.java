package dev.newsdesk.trending;

import java.util.Arrays;

/**
 * The ordered index of one scope: per window, a tournament tree over the scope's articles whose internal nodes hold
 * the slot of the best article below them, the windows of a node side by side (one cache line for all of them).
 * Four bytes per article per window. A score increase walks up only while
 * the article holds or beats the node's best, so most events touch one or two nodes and none more than log2(n).
 *
 * <p>Scores are read from the index's array: {@code s[slot * stride + 2w]} engagement and {@code + 1} the recency
 * prior of window {@code w}, both forward-decayed to the landmark. Order: higher score first, then lower slot.
 * Members are either appended and swap-removed ({@link #add}, {@link #remove}), or placed at a fixed position
 * ({@link #put}: the all-articles tree puts each article at its slot, so siblings' scores sit side by side).
 */
final class ScopeTree {

    static final int NONE = -1;

    private final int windows;
    private final int stride;
    private int cap = 16; // leaves, a power of two
    private int height = 4; // log2(cap): levels above the leaves
    private int size; // positions in use (some may be NONE in a positional tree)
    private int[] members = new int[cap]; // position -> slot or NONE
    private int[] nodes; // [node * windows + w], nodes 1 .. cap-1 -> slot of the best leaf below, or NONE

    ScopeTree(int windows) {
        this.windows = windows;
        stride = 2 * windows;
        nodes = new int[cap * windows];
        Arrays.fill(nodes, NONE);
        Arrays.fill(members, NONE);
    }

    static double score(double[] s, int stride, int w, int slot) {
        int i = slot * stride + 2 * w;
        return s[i] + s[i + 1];
    }

    boolean better(double[] s, int w, int a, int b) {
        if (a == NONE) {
            return false;
        }
        if (b == NONE) {
            return true;
        }
        double sa = score(s, stride, w, a);
        double sb = score(s, stride, w, b);
        return sa > sb || (sa == sb && a < b);
    }

    /** Appends an article; returns its position. */
    int add(int slot, double[] s) {
        int pos = size;
        put(pos, slot, s);
        return pos;
    }

    /** Places {@code slot} (or NONE, to empty it) at {@code pos}, growing the tree as needed. */
    void put(int pos, int slot, double[] s) {
        if (pos >= cap) {
            while (pos >= cap) {
                cap *= 2;
                height++;
            }
            members = Arrays.copyOf(members, cap);
            Arrays.fill(members, size, cap, NONE);
            nodes = new int[cap * windows];
            members[pos] = slot;
            size = pos + 1;
            rebuild(s);
            return;
        }
        members[pos] = slot;
        size = Math.max(size, pos + 1);
        fix(pos, s);
    }

    /** Removes the article at {@code pos}; the last article moves there: returns its slot (NONE if pos was last). */
    int remove(int pos, double[] s) {
        int last = --size;
        int moved = members[last];
        members[pos] = moved;
        members[last] = NONE;
        fix(last, s);
        if (pos == last) {
            return NONE;
        }
        fix(pos, s);
        return moved;
    }

    /**
     * After the article at {@code pos} gained score (in every window): moves it up as far as it now wins. In each
     * window the article climbs while it holds the node already or now beats the node's best, and stops at the first
     * node it does not win (it cannot hold any above). Most articles win one or two levels, so a linear walk touches
     * fewer lines than a search would, and its branches are easier to predict; the best article of a window, which
     * holds the path to the root, is skipped by a look at the root.
     */
    void raise(int pos, double[] s) {
        int slot = members[pos];
        int own = slot * stride;
        int first = (cap + pos) >>> 1;
        for (int w = 0; w < windows; w++) {
            if (nodes[windows + w] == slot) {
                continue;
            }
            double mine = s[own + 2 * w] + s[own + 2 * w + 1];
            for (int i = first; i > 0; i >>>= 1) {
                int best = nodes[i * windows + w];
                if (best != slot) {
                    if (best != NONE) {
                        double theirs = score(s, stride, w, best);
                        if (mine < theirs || (mine == theirs && best < slot)) {
                            break;
                        }
                    }
                    nodes[i * windows + w] = slot;
                }
            }
        }
    }

    /** Reads what {@link #raise} reads first: the parent node and the scores of the article holding it. */
    long touch(int pos, double[] s) {
        int best = nodes[((cap + pos) >>> 1) * windows];
        return best == NONE ? 0 : Double.doubleToRawLongBits(s[best * stride]);
    }

    /** Recomputes the path above {@code pos} in every window, for any change of score or membership. */
    void fix(int pos, double[] s) {
        for (int i = (cap + pos) >>> 1; i > 0; i >>>= 1) {
            for (int w = 0; w < windows; w++) {
                nodes[i * windows + w] = best(2 * i, 2 * i + 1, s, w);
            }
        }
    }

    void rebuild(double[] s) {
        for (int i = cap - 1; i > 0; i--) {
            for (int w = 0; w < windows; w++) {
                nodes[i * windows + w] = best(2 * i, 2 * i + 1, s, w);
            }
        }
    }

    private int best(int a, int b, double[] s, int w) {
        int x = at(a, w);
        int y = at(b, w);
        return better(s, w, y, x) ? y : x;
    }

    /** The best slot in window {@code w} of the subtree of node {@code v} (a leaf when {@code v >= cap}), or NONE. */
    int at(int v, int w) {
        if (v >= cap) {
            int pos = v - cap;
            return pos < size ? members[pos] : NONE;
        }
        return nodes[v * windows + w];
    }

    int leaves() {
        return cap;
    }
}
