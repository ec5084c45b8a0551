package dev.newsdesk.training;

import dev.newsdesk.ingest.Article;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Assigns documents to cross-validation folds. Grouped: every document of a group (an outlet, say) lands in the same
 * fold, groups dealt largest first to the emptiest fold, ties broken by a seeded shuffle. Ungrouped: stratified by
 * label. Deterministic for a seed.
 */
final class Folds {

    private Folds() {}

    static int[] assign(List<Article> docs, int[] labels, int k, String groupBy, long seed) {
        int n = docs.size();
        int[] fold = new int[n];
        SplittableRandom random = new SplittableRandom(seed);
        if (groupBy == null) {
            Map<Integer, List<Integer>> byLabel = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                byLabel.computeIfAbsent(labels[i], x -> new ArrayList<>()).add(i);
            }
            for (List<Integer> members : byLabel.values()) {
                shuffle(members, random);
                for (int j = 0; j < members.size(); j++) {
                    fold[members.get(j)] = j % k;
                }
            }
            return fold;
        }
        Map<String, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String g = docs.get(i).field(groupBy);
            if (g == null || g.isBlank()) {
                throw new TrainingException("document '" + docs.get(i).id() + "' has no '" + groupBy
                        + "' to group folds by; fill it in or drop --group-by");
            }
            groups.computeIfAbsent(g, x -> new ArrayList<>()).add(i);
        }
        if (groups.size() < k) {
            throw new TrainingException("--group-by " + groupBy + " gives " + groups.size() + " groups, fewer than " + k
                    + " folds; use fewer folds or another field");
        }
        List<String> names = new ArrayList<>(groups.keySet());
        names.sort(Comparator.naturalOrder());
        shuffle(names, random);
        names.sort(Comparator.comparingInt((String g) -> groups.get(g).size()).reversed());
        int[] load = new int[k];
        for (String g : names) {
            int best = 0;
            for (int f = 1; f < k; f++) {
                if (load[f] < load[best]) {
                    best = f;
                }
            }
            for (int i : groups.get(g)) {
                fold[i] = best;
            }
            load[best] += groups.get(g).size();
        }
        return fold;
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
