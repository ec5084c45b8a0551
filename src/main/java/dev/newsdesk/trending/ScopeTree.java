package dev.newsdesk.trending;

import java.util.Arrays;

/**
 * The ordered index of one scope: per window, a tournament tree over the scope's articles whose internal nodes hold
 * the slot of the best article below them. Four bytes per article per window. A score increase walks up only while
 * the article beats the node's best, so most events touch one or two nodes and none touches more than log2(n).
 *
 * <p>Scores are read from the index's arrays: {@code ep[w][2 * slot]} engagement and {@code ep[w][2 * slot + 1]} the
 * recency prior, both forward-decayed to the landmark. Order: higher score first, then lower slot.
 */
final class ScopeTree {

    static final int NONE = -1;

    private int cap = 16; // leaves, a power of two
    private int height = 4; // log2(cap): levels above the leaves
    private int size;
    private int[] members = new int[cap]; // position -> slot
    private final int[][] nodes; // [window][1 .. cap-1] -> slot of the best leaf below, or NONE

    ScopeTree(int windows) {
        nodes = new int[windows][cap];
        for (int[] n : nodes) {
            Arrays.fill(n, NONE);
        }
    }

    int size() {
        return size;
    }

    static double score(double[] ep, int slot) {
        return ep[2 * slot] + ep[2 * slot + 1];
    }

    static boolean better(double[] ep, int a, int b) {
        if (a == NONE) {
            return false;
        }
        if (b == NONE) {
            return true;
        }
        double sa = score(ep, a);
        double sb = score(ep, b);
        return sa > sb || (sa == sb && a < b);
    }

    /** Adds an article; returns its position. */
    int add(int slot, double[][] ep) {
        if (size == cap) {
            cap *= 2;
            height++;
            members = Arrays.copyOf(members, cap);
            for (int w = 0; w < nodes.length; w++) {
                nodes[w] = new int[cap];
            }
            members[size++] = slot;
            rebuild(ep);
            return size - 1;
        }
        int pos = size++;
        members[pos] = slot;
        fix(pos, ep);
        return pos;
    }

    /** Removes the article at {@code pos}; the last article moves there: returns its slot (NONE if pos was last). */
    int remove(int pos, double[][] ep) {
        int last = --size;
        int moved = members[last];
        members[pos] = moved;
        members[last] = NONE;
        fix(last, ep);
        if (pos == last) {
            return NONE;
        }
        fix(pos, ep);
        return moved;
    }

    /** After the article at {@code pos} gained score in window {@code w}: moves it up as far as it now wins. */
    void raise(int w, int pos, double[] ep) {
        int[] nd = nodes[w];
        int slot = members[pos];
        int leaf = cap + pos;
        // The ancestors the article already wins form a run from its parent up; find its end by binary search
        // (a hot article wins up to the root: 5 probes instead of 20).
        int lo = 1;
        int hi = height + 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (nd[leaf >>> mid] == slot) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = leaf >>> lo; i > 0 && better(ep, slot, nd[i]); i >>>= 1) {
            nd[i] = slot;
        }
    }

    /** Recomputes the path above {@code pos} in every window, for any change of score or membership. */
    void fix(int pos, double[][] ep) {
        for (int w = 0; w < nodes.length; w++) {
            int[] nd = nodes[w];
            for (int i = (cap + pos) >>> 1; i > 0; i >>>= 1) {
                nd[i] = best(nd, 2 * i, 2 * i + 1, ep[w]);
            }
        }
    }

    void rebuild(double[][] ep) {
        for (int w = 0; w < nodes.length; w++) {
            int[] nd = nodes[w];
            for (int i = cap - 1; i > 0; i--) {
                nd[i] = best(nd, 2 * i, 2 * i + 1, ep[w]);
            }
        }
    }

    private int best(int[] nd, int a, int b, double[] ep) {
        int x = at(nd, a);
        int y = at(nd, b);
        return better(ep, y, x) ? y : x;
    }

    /** The best slot in the subtree of node {@code v} (a leaf when {@code v >= cap}), or NONE. */
    int at(int[] nd, int v) {
        if (v >= cap) {
            int pos = v - cap;
            return pos < size ? members[pos] : NONE;
        }
        return nd[v];
    }

    int[] nodes(int w) {
        return nodes[w];
    }

    int leaves() {
        return cap;
    }
}
