package dev.newsdesk.trending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ScopeTreeTest {

    /** Random adds, removals and score increases; the cursor must walk the members exactly in score order. */
    @Property(tries = 300)
    void cursorYieldsMembersBestFirstAfterAnyMixOfOperations(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int operations) {
        var random = new Random(seed);
        int slots = 200;
        double[][] ep = {new double[2 * slots], new double[2 * slots]};
        var tree = new ScopeTree(2);
        int[] pos = new int[slots];
        java.util.Arrays.fill(pos, ScopeTree.NONE);
        var members = new ArrayList<Integer>();
        for (int op = 0; op < operations; op++) {
            int slot = random.nextInt(slots);
            int kind = random.nextInt(10);
            if (pos[slot] == ScopeTree.NONE) {
                ep[0][2 * slot + 1] = random.nextInt(4); // coarse values: many ties
                ep[1][2 * slot + 1] = random.nextDouble();
                pos[slot] = tree.add(slot, ep);
                members.add(slot);
            } else if (kind == 0) {
                int moved = tree.remove(pos[slot], ep);
                if (moved != ScopeTree.NONE) {
                    pos[moved] = pos[slot];
                }
                pos[slot] = ScopeTree.NONE;
                members.remove(Integer.valueOf(slot));
            } else {
                int w = random.nextInt(2);
                ep[w][2 * slot] += random.nextInt(3) + (w == 1 ? random.nextDouble() : 0);
                tree.raise(w, pos[slot], ep[w]);
            }
        }
        for (int w = 0; w < 2; w++) {
            double[] s = ep[w];
            List<Integer> expected = members.stream()
                    .sorted(Comparator.comparingDouble((Integer x) -> -ScopeTree.score(s, x))
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
