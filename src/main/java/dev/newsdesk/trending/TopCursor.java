package dev.newsdesk.trending;

/**
 * Walks one scope tree best first: each step pops the best remaining subtree, yields its best article, and pushes
 * the sibling subtrees along the path down to that article. O(log n) per article, no sort.
 */
final class TopCursor {

    private final ScopeTree tree;
    private final double[] scores;
    private final int window;
    private int[] heapNode = new int[64];
    private int[] heapSlot = new int[64];
    private int heapSize;

    TopCursor(ScopeTree tree, int window, double[] scores) {
        this.tree = tree;
        this.scores = scores;
        this.window = window;
        push(1);
    }

    /** The next slot in score order, or {@link ScopeTree#NONE} when the scope is exhausted. */
    int next() {
        if (heapSize == 0) {
            return ScopeTree.NONE;
        }
        int v = heapNode[0];
        int slot = heapSlot[0];
        pop();
        int leaves = tree.leaves();
        while (v < leaves) {
            int left = 2 * v;
            if (tree.at(left, window) == slot) {
                push(left + 1);
                v = left;
            } else {
                push(left);
                v = left + 1;
            }
        }
        return slot;
    }

    private void push(int v) {
        int slot = tree.at(v, window);
        if (slot == ScopeTree.NONE) {
            return;
        }
        if (heapSize == heapNode.length) {
            heapNode = java.util.Arrays.copyOf(heapNode, heapSize * 2);
            heapSlot = java.util.Arrays.copyOf(heapSlot, heapSize * 2);
        }
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!tree.better(scores, window, slot, heapSlot[parent])) {
                break;
            }
            heapNode[i] = heapNode[parent];
            heapSlot[i] = heapSlot[parent];
            i = parent;
        }
        heapNode[i] = v;
        heapSlot[i] = slot;
    }

    private void pop() {
        int last = --heapSize;
        int node = heapNode[last];
        int slot = heapSlot[last];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && tree.better(scores, window, heapSlot[child + 1], heapSlot[child])) {
                child++;
            }
            if (!tree.better(scores, window, heapSlot[child], slot)) {
                break;
            }
            heapNode[i] = heapNode[child];
            heapSlot[i] = heapSlot[child];
            i = child;
        }
        if (heapSize > 0) {
            heapNode[i] = node;
            heapSlot[i] = slot;
        }
    }
}
