package dev.newsdesk.trending;

/**
 * Walks one scope tree best first: each step pops the best remaining subtree, yields its best article, and pushes
 * the sibling subtrees along the path down to that article. O(log n) per article, no sort.
 */
final class TopCursor {

    private final ScopeTree tree;
    private final int[] nodes;
    private final double[] ep;
    private int[] heapNode = new int[64];
    private int[] heapSlot = new int[64];
    private int heapSize;

    TopCursor(ScopeTree tree, int window, double[] ep) {
        this.tree = tree;
        this.nodes = tree.nodes(window);
        this.ep = ep;
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
            if (tree.at(nodes, left) == slot) {
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
        int slot = tree.at(nodes, v);
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
            if (!ScopeTree.better(ep, slot, heapSlot[parent])) {
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
            if (child + 1 < heapSize && ScopeTree.better(ep, heapSlot[child + 1], heapSlot[child])) {
                child++;
            }
            if (!ScopeTree.better(ep, heapSlot[child], slot)) {
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
