package dev.newsdesk.trending;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns candidates in score order into a list: eligibility, pins, blocks, the per-category cap, ranks. */
final class Lists {

    /** Candidates scanned at most per list, so that a scope full of filtered articles cannot make a read slow. */
    static final int MAX_SCAN = 20_000;

    private Lists() {}

    /** Articles in descending score order. */
    interface Candidates {
        /** Moves to the next article; false when there is none. */
        boolean advance();

        /** The current article's metadata, or null when it is not registered. */
        ArticleMeta meta();

        ScoreExplanation explain();
    }

    /** What every list applies. */
    record Rules(Scope scope, int limit, long nowMs, long maxAgeMs, int perCategory, Editorial.Snapshot editorial) {
        Rules {
            if (scope.kind() == Scope.Kind.CATEGORY) {
                perCategory = Integer.MAX_VALUE; // variety across categories means nothing inside one
            }
        }
    }

    /** Registered, published, not blocked, published no later than now and no longer than the maximum age ago. */
    static boolean eligible(ArticleMeta m, Rules r) {
        if (m == null || !m.published() || r.editorial.blocks().contains(m.id())) {
            return false;
        }
        long pub = m.publishedAt().toEpochMilli();
        return pub <= r.nowMs && r.nowMs - pub <= r.maxAgeMs;
    }

    /**
     * Pinned articles of the scope first (any age, in pin order), then the best eligible candidates, at most
     * {@code perCategory} of each site category.
     */
    static List<TrendingItem> top(
            Rules r,
            Candidates candidates,
            Function<String, ArticleMeta> metaById,
            Function<String, ScoreExplanation> explain) {
        var items = new ArrayList<TrendingItem>(r.limit);
        var perCategory = new HashMap<String, Integer>();
        var pinned = new HashSet<String>();
        for (String id : r.editorial.pins()) {
            ArticleMeta m = metaById.apply(id);
            if (items.size() < r.limit
                    && m != null
                    && m.published()
                    && m.inScope(r.scope)
                    && !r.editorial.blocks().contains(id)) {
                ScoreExplanation e = explain.apply(id);
                items.add(new TrendingItem(items.size() + 1, m, e.score(), true, e));
                pinned.add(id);
                takeCategorySlot(m, perCategory, Integer.MAX_VALUE);
            }
        }
        for (int scanned = 0; items.size() < r.limit && scanned < MAX_SCAN && candidates.advance(); scanned++) {
            ArticleMeta m = candidates.meta();
            if (eligible(m, r) && !pinned.contains(m.id()) && takeCategorySlot(m, perCategory, r.perCategory)) {
                ScoreExplanation e = candidates.explain();
                items.add(new TrendingItem(items.size() + 1, m, e.score(), false, e));
            }
        }
        return items;
    }

    /** A rising candidate: its ratio and its short-window explanation. */
    record Riser(ArticleMeta meta, double ratio, ScoreExplanation explanation) {}

    /** Best ratio first, the category cap, ranks. */
    static List<TrendingItem> rising(Rules r, List<Riser> risers) {
        var sorted = new ArrayList<>(risers);
        sorted.sort(Comparator.comparingDouble(Riser::ratio).reversed().thenComparing(x -> x.meta()
                .id()));
        var items = new ArrayList<TrendingItem>(r.limit);
        Map<String, Integer> perCategory = new HashMap<>();
        for (Riser x : sorted) {
            if (items.size() == r.limit) {
                break;
            }
            if (takeCategorySlot(x.meta(), perCategory, r.perCategory)) {
                items.add(new TrendingItem(items.size() + 1, x.meta(), x.ratio(), false, x.explanation()));
            }
        }
        return items;
    }

    /**
     * The rising ratio: short-window engagement rate over the long-window baseline rate plus a floor, both per hour;
     * {@code decayed * lambda} is the rate that, kept up, would hold the decayed sum steady.
     */
    static double risingRatio(
            double shortDecayed, double shortLambda, double longDecayed, double longLambda, double floorPerHour) {
        double hour = 3_600_000.0;
        return shortDecayed * shortLambda * hour / (longDecayed * longLambda * hour + floorPerHour);
    }

    private static boolean takeCategorySlot(ArticleMeta m, Map<String, Integer> perCategory, int cap) {
        if (m.siteCategory() == null) {
            return true;
        }
        int n = perCategory.getOrDefault(m.siteCategory(), 0);
        if (n >= cap) {
            return false;
        }
        perCategory.put(m.siteCategory(), n + 1);
        return true;
    }
}
