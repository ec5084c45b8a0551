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
    private int[] allPos = new int[1024]; // position in the tree, or NONE when not listed
    private int[] labelPos = new int[1024];
    private int[] categoryPos = new int[1024];
    private final ExpiryHeap expiry = new ExpiryHeap();
    private final long maxAgeMs;

    private final ScopeTree all;
    private final List<ScopeTree> labelTrees = new ArrayList<>();
    private final List<ScopeTree> categoryTrees = new ArrayList<>();
    private final Map<String, Integer> labelIds = new HashMap<>();
    private final Map<String, Integer> categoryIds = new HashMap<>();

    ScoreIndex(Windows windows, double prior, long landmarkMs, double rebaseExponent, long maxAgeMs) {
        this.windows = windows;
        this.maxAgeMs = maxAgeMs;
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
        allPos[slot] = ScopeTree.NONE;
        labelPos[slot] = ScopeTree.NONE;
        categoryPos[slot] = ScopeTree.NONE;
        return slot;
    }

    /**
     * Adds or updates an article: prior, scopes. It is listed (in the scope trees) while it is younger than the
     * maximum age; after that it can never be shown, so it leaves the trees and reads do not wade through it.
     */
    void register(ArticleMeta meta, long nowMs) {
        int slot = slotFor(meta.id());
        ArticleMeta old = metas[slot];
        metas[slot] = meta;
        ids.share(slot, meta.id());
        short label = meta.label() == null ? 0 : (short) (treeFor(meta.label(), labelIds, labelTrees) + 1);
        short category = meta.siteCategory() == null
                ? 0
                : (short) (treeFor(meta.siteCategory(), categoryIds, categoryTrees) + 1);
        long pub = meta.publishedAt().toEpochMilli();
        boolean moved = old == null || !old.publishedAt().equals(meta.publishedAt());
        if (!moved && label == labelOf[slot] && category == categoryOf[slot]) {
            return; // title or URL only
        }
        unlist(slot);
        labelOf[slot] = label;
        categoryOf[slot] = category;
        for (int w = 0; w < windows.count; w++) {
            ep[w][2 * slot + 1] = priorAt(pub, w);
        }
        if (nowMs - pub <= maxAgeMs) {
            list(slot);
            if (moved) {
                expiry.push(pub, slot);
            }
        }
    }

    /** Takes articles past the maximum age out of the trees; called before reads, cheap when there is none. */
    void expire(long nowMs) {
        while (!expiry.isEmpty() && expiry.oldestMinuteEndMs() <= nowMs - maxAgeMs) {
            long minute = expiry.oldestMinute();
            int slot = expiry.pop();
            // an entry left behind by a later change of publication time is stale
            if (ExpiryHeap.minuteOf(metas[slot].publishedAt().toEpochMilli()) == minute) {
                unlist(slot);
            }
        }
    }

    private void list(int slot) {
        allPos[slot] = all.add(slot, ep);
        if (labelOf[slot] != 0) {
            labelPos[slot] = labelTrees.get(labelOf[slot] - 1).add(slot, ep);
        }
        if (categoryOf[slot] != 0) {
            categoryPos[slot] = categoryTrees.get(categoryOf[slot] - 1).add(slot, ep);
        }
    }

    private void unlist(int slot) {
        allPos[slot] = remove(all, slot, allPos);
        if (labelOf[slot] != 0) {
            labelPos[slot] = remove(labelTrees.get(labelOf[slot] - 1), slot, labelPos);
        }
        if (categoryOf[slot] != 0) {
            categoryPos[slot] = remove(categoryTrees.get(categoryOf[slot] - 1), slot, categoryPos);
        }
    }

    /** Removes {@code slot} from {@code tree} if it is there, fixing the position of the member moved into its place. */
    private int remove(ScopeTree tree, int slot, int[] pos) {
        if (pos[slot] != ScopeTree.NONE) {
            int moved = tree.remove(pos[slot], ep);
            if (moved != ScopeTree.NONE) {
                pos[moved] = pos[slot];
            }
        }
        return ScopeTree.NONE;
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
        int pos = allPos[slot];
        for (int w = 0; w < windows.count; w++) {
            double[] s = ep[w];
            s[2 * slot] += weight * factors[w];
            if (pos != ScopeTree.NONE) {
                all.raise(w, pos, s);
                if (label != 0) {
                    labelTrees.get(label - 1).raise(w, labelPos[slot], s);
                }
                if (category != 0) {
                    categoryTrees.get(category - 1).raise(w, categoryPos[slot], s);
                }
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
        allPos = Arrays.copyOf(allPos, cap);
        labelPos = Arrays.copyOf(labelPos, cap);
        categoryPos = Arrays.copyOf(categoryPos, cap);
    }
}
