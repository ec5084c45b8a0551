package dev.newsdesk.trending;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded scores: per article and window, engagement kept with forward decay and the recency prior, both
 * relative to the landmark; one {@link ScopeTree} per scope ordering them. Arrays by slot, not objects, so an
 * article costs well under 200 bytes here.
 *
 * <p>An event of weight {@code w} at time {@code t} adds {@code w * e^(lambda (t - L))} to its article's engagement:
 * the order of two articles never changes without events, so nothing is recomputed as time passes. Before
 * {@code lambda (t - L)} gets near double overflow (e^709), the landmark moves to {@code t}: every value is scaled by
 * the same factor, the priors recomputed, the trees rebuilt. Not thread-safe: the engine holds its lock.
 */
final class ScoreIndex {

    static final double REBASE_EXPONENT = 64; // e^64 = 6e27, far below overflow, rebase every 7.7 days at 2 h
    private static final double PRIOR_EXPONENT_CAP = 600;
    private static final long HOUR_MS = 3_600_000;
    private static final int TYPES = EventType.values().length;

    final Windows windows;
    private final double prior;
    private final double rebaseExponent;
    private long landmark;
    private int rebases;
    private final double[] factors; // e^(lambda_w (factorsAt - landmark))
    private long factorsAt = Long.MIN_VALUE;

    private final IdIndex ids = new IdIndex();
    private ArticleMeta[] metas = new ArticleMeta[1024];
    private final double[][] ep; // [window][2*slot] engagement, [2*slot+1] prior
    private int[] counts = new int[1024 * TYPES];
    private short[] labelOf = new short[1024]; // tree index + 1, 0 = none
    private short[] categoryOf = new short[1024];
    private int[] labelPos = new int[1024];
    private int[] categoryPos = new int[1024];

    private final ScopeTree all;
    private final List<ScopeTree> labelTrees = new ArrayList<>();
    private final List<ScopeTree> categoryTrees = new ArrayList<>();
    private final Map<String, Integer> labelIds = new HashMap<>();
    private final Map<String, Integer> categoryIds = new HashMap<>();

    ScoreIndex(Windows windows, double prior, long landmarkMs, double rebaseExponent) {
        this.windows = windows;
        this.prior = prior;
        this.landmark = landmarkMs;
        this.rebaseExponent = rebaseExponent;
        this.ep = new double[windows.count][2 * 1024];
        this.factors = new double[windows.count];
        this.all = new ScopeTree(windows.count);
    }

    static long initialLandmark(long nowMs) {
        return Math.floorDiv(nowMs, HOUR_MS) * HOUR_MS;
    }

    long landmark() {
        return landmark;
    }

    /** Sets the landmark of an empty index: the one the event log was started with. */
    void startAt(long landmarkMs) {
        if (ids.size() != 0) {
            throw new IllegalStateException("the landmark of a non-empty index only moves by rebasing");
        }
        landmark = landmarkMs;
        factorsAt = Long.MIN_VALUE;
    }

    int rebases() {
        return rebases;
    }

    int articles() {
        return ids.size();
    }

    int find(String id) {
        return ids.find(id);
    }

    ArticleMeta meta(int slot) {
        return metas[slot];
    }

    /** The slot of {@code id}, created without metadata if new (events replayed before the article is registered). */
    int slotFor(String id) {
        int slot = ids.find(id);
        if (slot >= 0) {
            return slot;
        }
        slot = ids.add(id);
        ensureCapacity(slot + 1);
        labelPos[slot] = ScopeTree.NONE;
        categoryPos[slot] = ScopeTree.NONE;
        all.add(slot, ep); // position == slot: the all tree only ever appends
        return slot;
    }

    /** Adds or updates an article: prior, label and category scopes. */
    void register(ArticleMeta meta) {
        int slot = slotFor(meta.id());
        ArticleMeta old = metas[slot];
        metas[slot] = meta;
        ids.share(slot, meta.id());
        if (old == null || !old.publishedAt().equals(meta.publishedAt())) {
            long pub = meta.publishedAt().toEpochMilli();
            for (int w = 0; w < windows.count; w++) {
                ep[w][2 * slot + 1] = priorAt(pub, w);
            }
            all.fix(slot, ep);
            if (labelOf[slot] != 0) {
                labelTrees.get(labelOf[slot] - 1).fix(labelPos[slot], ep);
            }
            if (categoryOf[slot] != 0) {
                categoryTrees.get(categoryOf[slot] - 1).fix(categoryPos[slot], ep);
            }
        }
        labelOf[slot] = move(slot, labelOf[slot], meta.label(), labelIds, labelTrees, labelPos);
        categoryOf[slot] = move(slot, categoryOf[slot], meta.siteCategory(), categoryIds, categoryTrees, categoryPos);
    }

    private short move(
            int slot, short current, String value, Map<String, Integer> idsByValue, List<ScopeTree> trees, int[] pos) {
        int wanted = value == null ? 0 : treeFor(value, idsByValue, trees) + 1;
        if (wanted == current) {
            return current;
        }
        if (current != 0) {
            int moved = trees.get(current - 1).remove(pos[slot], ep);
            if (moved != ScopeTree.NONE) {
                pos[moved] = pos[slot];
            }
            pos[slot] = ScopeTree.NONE;
        }
        if (wanted != 0) {
            pos[slot] = trees.get(wanted - 1).add(slot, ep);
        }
        return (short) wanted;
    }

    private int treeFor(String value, Map<String, Integer> idsByValue, List<ScopeTree> trees) {
        return idsByValue.computeIfAbsent(value, v -> {
            if (trees.size() >= Short.MAX_VALUE - 1) {
                throw new TrendingException("more than " + (Short.MAX_VALUE - 1) + " distinct labels or categories");
            }
            trees.add(new ScopeTree(windows.count));
            return trees.size() - 1;
        });
    }

    /** Counts an event and adds its forward-decayed weight in every window; O(log n) at worst. */
    void apply(int slot, EventType type, long timeMs, double weight) {
        if (windows.maxLambda * (timeMs - landmark) > rebaseExponent) {
            rebase(timeMs);
        }
        counts[slot * TYPES + type.ordinal()]++;
        if (weight == 0) {
            return;
        }
        if (timeMs != factorsAt) {
            // events come in bursts stamped with the same millisecond: one exp per window per millisecond
            for (int w = 0; w < windows.count; w++) {
                factors[w] = Math.exp(windows.lambda[w] * (timeMs - landmark));
            }
            factorsAt = timeMs;
        }
        int label = labelOf[slot];
        int category = categoryOf[slot];
        for (int w = 0; w < windows.count; w++) {
            double[] s = ep[w];
            s[2 * slot] += weight * factors[w];
            all.raise(w, slot, s);
            if (label != 0) {
                labelTrees.get(label - 1).raise(w, labelPos[slot], s);
            }
            if (category != 0) {
                categoryTrees.get(category - 1).raise(w, categoryPos[slot], s);
            }
        }
    }

    /** Moves the landmark to the hour of {@code timeMs}: scales engagement, recomputes priors, rebuilds the trees. */
    void rebase(long timeMs) {
        long next = initialLandmark(timeMs);
        if (next <= landmark) {
            return;
        }
        int n = ids.size();
        for (int w = 0; w < windows.count; w++) {
            double f = Math.exp(-windows.lambda[w] * (next - landmark));
            double[] s = ep[w];
            for (int slot = 0; slot < n; slot++) {
                s[2 * slot] *= f;
            }
        }
        landmark = next;
        factorsAt = Long.MIN_VALUE;
        for (int slot = 0; slot < n; slot++) {
            ArticleMeta m = metas[slot];
            for (int w = 0; w < windows.count; w++) {
                ep[w][2 * slot + 1] = m == null ? 0 : priorAt(m.publishedAt().toEpochMilli(), w);
            }
        }
        all.rebuild(ep);
        labelTrees.forEach(t -> t.rebuild(ep));
        categoryTrees.forEach(t -> t.rebuild(ep));
        rebases++;
    }

    private double priorAt(long publishedMs, int w) {
        if (prior == 0) {
            return 0;
        }
        return prior * Math.exp(Math.min(windows.lambda[w] * (publishedMs - landmark), PRIOR_EXPONENT_CAP));
    }

    /** The scope's tree, or null for a label or category no article has. */
    ScopeTree tree(Scope scope) {
        return switch (scope.kind()) {
            case ALL -> all;
            case LABEL -> treeOrNull(labelIds.get(scope.value()), labelTrees);
            case CATEGORY -> treeOrNull(categoryIds.get(scope.value()), categoryTrees);
        };
    }

    private static ScopeTree treeOrNull(Integer i, List<ScopeTree> trees) {
        return i == null ? null : trees.get(i);
    }

    TopCursor cursor(ScopeTree tree, int window) {
        return new TopCursor(tree, window, ep[window]);
    }

    double engagement(int slot, int w, long nowMs) {
        return Windows.decay(ep[w][2 * slot], windows.lambda[w], nowMs - landmark);
    }

    double recency(int slot, int w, long nowMs) {
        return Windows.decay(ep[w][2 * slot + 1], windows.lambda[w], nowMs - landmark);
    }

    ScoreExplanation explain(int slot, int w, long nowMs) {
        double engagement = engagement(slot, w, nowMs);
        double recency = recency(slot, w, nowMs);
        var c = new EnumMap<EventType, Long>(EventType.class);
        for (EventType t : EventType.values()) {
            c.put(t, (long) counts[slot * TYPES + t.ordinal()]);
        }
        return new ScoreExplanation(
                ids.id(slot), windows.names[w], windows.halfLives[w], engagement + recency, engagement, recency, c);
    }

    private void ensureCapacity(int n) {
        if (n <= metas.length) {
            return;
        }
        int cap = metas.length * 2;
        metas = Arrays.copyOf(metas, cap);
        for (int w = 0; w < windows.count; w++) {
            ep[w] = Arrays.copyOf(ep[w], 2 * cap);
        }
        counts = Arrays.copyOf(counts, cap * TYPES);
        labelOf = Arrays.copyOf(labelOf, cap);
        categoryOf = Arrays.copyOf(categoryOf, cap);
        labelPos = Arrays.copyOf(labelPos, cap);
        categoryPos = Arrays.copyOf(categoryPos, cap);
    }
}
