package dev.newsdesk.trending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ScopeTreeTest {

    private static final int WINDOWS = 2;
    private static final int STRIDE = 2 * WINDOWS;

    /**
     * Random adds, removals and score increases, in a compact tree (append, swap-remove) or a positional one (each
     * slot at its own position, removal leaves a hole); the cursor must walk the members exactly in score order.
     */
    @Property(tries = 300)
    void cursorYieldsMembersBestFirstAfterAnyMixOfOperations(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int operations, @ForAll boolean positional) {
        var random = new Random(seed);
        int slots = 200;
        double[] s = new double[slots * STRIDE];
        var tree = new ScopeTree(WINDOWS);
        int[] pos = new int[slots];
        Arrays.fill(pos, ScopeTree.NONE);
        var members = new ArrayList<Integer>();
        for (int op = 0; op < operations; op++) {
            int slot = random.nextInt(slots);
            if (pos[slot] == ScopeTree.NONE) {
                s[slot * STRIDE + 1] = random.nextInt(4); // coarse values: many ties
                s[slot * STRIDE + 3] = random.nextDouble();
                if (positional) {
                    tree.put(slot, slot, s);
                    pos[slot] = slot;
                } else {
                    pos[slot] = tree.add(slot, s);
                }
                members.add(slot);
            } else if (random.nextInt(8) == 0) {
                if (positional) {
                    tree.put(slot, ScopeTree.NONE, s);
                } else {
                    int moved = tree.remove(pos[slot], s);
                    if (moved != ScopeTree.NONE) {
                        pos[moved] = pos[slot];
                    }
                }
                pos[slot] = ScopeTree.NONE;
                members.remove(Integer.valueOf(slot));
            } else {
                int w = random.nextInt(WINDOWS);
                s[slot * STRIDE + 2 * w] += random.nextInt(3) + (w == 1 ? random.nextDouble() : 0);
                tree.raise(pos[slot], s);
            }
        }
        for (int w = 0; w < WINDOWS; w++) {
            int window = w;
            List<Integer> expected = members.stream()
                    .sorted(Comparator.comparingDouble((Integer x) -> -ScopeTree.score(s, STRIDE, window, x))
                            .thenComparing(x -> x))
                    .toList();
            var cursor = new TopCursor(tree, w, s);
            var actual = new ArrayList<Integer>();
            for (int x = cursor.next(); x != ScopeTree.NONE; x = cursor.next()) {
                actual.add(x);
            }
            assertThat(actual).isEqualTo(expected);
        }
    }
}
