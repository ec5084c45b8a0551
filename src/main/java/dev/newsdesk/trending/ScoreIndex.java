package dev.newsdesk.trending;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded scores: per article and window, engagement kept with forward decay and the recency prior, both
 * relative to the landmark; one {@link ScopeTree} per scope ordering them. Per article, one run of doubles (every
 * window's engagement and prior) and one run of ints (tree positions, label, category, flags, counts), so an event
 * on a cold article touches few cache lines, and an article costs well under 200 bytes.
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
    private static final EventType[] TYPES = EventType.values();

    // the int record of a slot
    private static final int INTS = 8;
    private static final int LABEL_POS = 0;
    private static final int CATEGORY_POS = 1;
    private static final int PACKED = 2; // flags (bits 0-7), label tree + 1 (8-15), category tree + 1 (16-31)
    private static final int COUNTS = 3; // one per event type
    private static final int REGISTERED = 1;
    private static final int PUBLISHED = 2;
    private static final int LISTED = 4;
    private static final int SCHEDULED = 8; // published with a publication time still to come at registration
    private static final int MAX_LABELS = 255;
    private static final int MAX_CATEGORIES = 65_535;

    final Windows windows;
    private final int stride; // doubles per slot: engagement and prior per window
    private final double prior;
    private final double rebaseExponent;
    private final long maxAgeMs;
    private long landmark;
    private int rebases;
    private final double[] factors; // e^(lambda_w (factorsAt - landmark))
    private long factorsAt = Long.MIN_VALUE;

    private final IdIndex ids = new IdIndex();
    private ArticleMeta[] metas = new ArticleMeta[1024];
    private double[] scores;
    private int[] ints = new int[1024 * INTS];

    private final ScopeTree all; // positional: article at its slot
    private final List<ScopeTree> labelTrees = new ArrayList<>();
    private final List<ScopeTree> categoryTrees = new ArrayList<>();
    private final Map<String, Integer> labelIds = new HashMap<>();
    private final Map<String, Integer> categoryIds = new HashMap<>();
    private final ExpiryHeap expiry = new ExpiryHeap();

    ScoreIndex(Windows windows, double prior, long landmarkMs, double rebaseExponent, long maxAgeMs) {
        this.windows = windows;
        this.stride = 2 * windows.count;
        this.prior = prior;
        this.landmark = landmarkMs;
        this.rebaseExponent = rebaseExponent;
        this.maxAgeMs = maxAgeMs;
        this.scores = new double[1024 * stride];
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

    /** See {@link IdIndex#touch}. */
    int touchId(String id) {
        return ids.touch(id);
    }

    ArticleMeta meta(int slot) {
        return metas[slot];
    }

    boolean registered(int slot) {
        return (ints[slot * INTS + PACKED] & REGISTERED) != 0;
    }

    /**
     * Whether the article's events count at {@code nowMs}: published, and its publication time reached. Only an article
     * registered ahead of its time looks at its metadata, once its flag is cleared it costs nothing.
     */
    boolean publishedBy(int slot, long nowMs) {
        int packed = ints[slot * INTS + PACKED];
        if ((packed & PUBLISHED) == 0) {
            return false;
        }
        if ((packed & SCHEDULED) == 0) {
            return true;
        }
        if (!metas[slot].publishedBy(nowMs)) {
            return false;
        }
        ints[slot * INTS + PACKED] = packed & ~SCHEDULED;
        return true;
    }

    /** The slot of {@code id}, created without metadata if new (events replayed before the article is registered). */
    int slotFor(String id) {
        int slot = ids.find(id);
        if (slot >= 0) {
            return slot;
        }
        slot = ids.add(id);
        ensureCapacity(slot + 1);
        ints[slot * INTS + LABEL_POS] = ScopeTree.NONE;
        ints[slot * INTS + CATEGORY_POS] = ScopeTree.NONE;
        return slot;
    }

    /**
     * Adds or updates an article: prior, scopes. It is listed (in the scope trees) while it is younger than the
     * maximum age; after that it can never be shown, so it leaves the trees and reads do not wade through it.
     */
    void register(ArticleMeta meta, long nowMs) {
        int slot = slotFor(meta.id());
        int base = slot * INTS;
        ArticleMeta old = metas[slot];
        metas[slot] = meta;
        ids.share(slot, meta.id());
        int label = meta.label() == null ? 0 : treeFor(meta.label(), labelIds, labelTrees, MAX_LABELS) + 1;
        int category = meta.siteCategory() == null
                ? 0
                : treeFor(meta.siteCategory(), categoryIds, categoryTrees, MAX_CATEGORIES) + 1;
        int packed = ints[base + PACKED];
        long pub = meta.publishedAt().toEpochMilli();
        int flags = (packed & LISTED)
                | REGISTERED
                | (meta.published() ? PUBLISHED : 0)
                | (meta.published() && pub > nowMs ? SCHEDULED : 0);
        ints[base + PACKED] = pack(flags, label(packed), category(packed));
        boolean moved = old == null || !old.publishedAt().equals(meta.publishedAt());
        if (!moved && label == label(packed) && category == category(packed)) {
            return; // title, URL or published flag only
        }
        unlist(slot);
        ints[base + PACKED] = pack(flags & ~LISTED, label, category);
        for (int w = 0; w < windows.count; w++) {
            scores[slot * stride + 2 * w + 1] = priorAt(pub, w);
        }
        if (nowMs - pub <= maxAgeMs) {
            list(slot);
            if (moved) {
                expiry.push(pub, slot);
            }
        }
    }

    private static int pack(int flags, int label, int category) {
        return flags | label << 8 | category << 16;
    }

    private static int label(int packed) {
        return (packed >>> 8) & 0xFF;
    }

    private static int category(int packed) {
        return packed >>> 16;
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
        int base = slot * INTS;
        int packed = ints[base + PACKED];
        all.put(slot, slot, scores);
        if (label(packed) != 0) {
            ints[base + LABEL_POS] = labelTrees.get(label(packed) - 1).add(slot, scores);
        }
        if (category(packed) != 0) {
            ints[base + CATEGORY_POS] = categoryTrees.get(category(packed) - 1).add(slot, scores);
        }
        ints[base + PACKED] = packed | LISTED;
    }

    private void unlist(int slot) {
        int base = slot * INTS;
        int packed = ints[base + PACKED];
        if ((packed & LISTED) == 0) {
            return;
        }
        all.put(slot, ScopeTree.NONE, scores);
        if (label(packed) != 0) {
            remove(labelTrees.get(label(packed) - 1), slot, LABEL_POS);
        }
        if (category(packed) != 0) {
            remove(categoryTrees.get(category(packed) - 1), slot, CATEGORY_POS);
        }
        ints[base + PACKED] = packed & ~LISTED;
    }

    /** Swap-removes {@code slot} from a compact tree, fixing the position of the member moved into its place. */
    private void remove(ScopeTree tree, int slot, int field) {
        int pos = ints[slot * INTS + field];
        int moved = tree.remove(pos, scores);
        if (moved != ScopeTree.NONE) {
            ints[moved * INTS + field] = pos;
        }
        ints[slot * INTS + field] = ScopeTree.NONE;
    }

    private int treeFor(String value, Map<String, Integer> idsByValue, List<ScopeTree> trees, int max) {
        return idsByValue.computeIfAbsent(value, v -> {
            if (trees.size() >= max) {
                throw new TrendingException("more than " + max + " distinct labels or categories");
            }
            trees.add(new ScopeTree(windows.count));
            return trees.size() - 1;
        });
    }

    /** Reads the article's scores and counts, so a batch's lookups wait for memory together. */
    long touch(int slot) {
        int base = slot * INTS;
        int packed = ints[base + PACKED];
        long read = Double.doubleToRawLongBits(scores[slot * stride]) + packed;
        if ((packed & LISTED) != 0) {
            read += all.touch(slot, scores);
            if (label(packed) != 0) {
                read += labelTrees.get(label(packed) - 1).touch(ints[base + LABEL_POS], scores);
            }
            if (category(packed) != 0) {
                read += categoryTrees.get(category(packed) - 1).touch(ints[base + CATEGORY_POS], scores);
            }
        }
        return read;
    }

    /** Counts an event and adds its forward-decayed weight in every window; O(log n) at worst. */
    void apply(int slot, EventType type, long timeMs, double weight) {
        if (windows.maxLambda * (timeMs - landmark) > rebaseExponent) {
            rebase(timeMs);
        }
        int base = slot * INTS;
        ints[base + COUNTS + type.ordinal()]++;
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
        int at = slot * stride;
        for (int w = 0; w < windows.count; w++) {
            scores[at + 2 * w] += weight * factors[w];
        }
        int packed = ints[base + PACKED];
        if ((packed & LISTED) == 0) {
            return;
        }
        all.raise(slot, scores);
        if (label(packed) != 0) {
            labelTrees.get(label(packed) - 1).raise(ints[base + LABEL_POS], scores);
        }
        if (category(packed) != 0) {
            categoryTrees.get(category(packed) - 1).raise(ints[base + CATEGORY_POS], scores);
        }
    }

    /**
     * A copy of every article's counts and engagement that an event has touched, for an event log checkpoint; the
     * landmark and windows travel with it. Priors and scopes are not in it: they come from registering the articles.
     */
    EventLog.Checkpoint checkpoint(Editorial.Snapshot editorial) {
        int n = ids.size();
        int types = TYPES.length;
        int w = windows.count;
        var keep = new int[n];
        int kept = 0;
        for (int slot = 0; slot < n; slot++) {
            boolean touched = false;
            for (int t = 0; t < types && !touched; t++) {
                touched = ints[slot * INTS + COUNTS + t] != 0;
            }
            for (int i = 0; i < w && !touched; i++) {
                touched = scores[slot * stride + 2 * i] != 0;
            }
            if (touched) {
                keep[kept++] = slot;
            }
        }
        String[] idsOut = new String[kept];
        int[] counts = new int[kept * types];
        double[] engagement = new double[kept * w];
        for (int k = 0; k < kept; k++) {
            int slot = keep[k];
            idsOut[k] = ids.id(slot);
            System.arraycopy(ints, slot * INTS + COUNTS, counts, k * types, types);
            for (int i = 0; i < w; i++) {
                engagement[k * w + i] = scores[slot * stride + 2 * i];
            }
        }
        return new EventLog.Checkpoint(landmark, windows.lambda.clone(), idsOut, counts, engagement, editorial);
    }

    /**
     * Restores one article's state from a checkpoint, exactly; {@code engagement} is null when the checkpoint's
     * windows differ from these (the counts still hold, the decayed engagement cannot be carried over).
     */
    void restore(String id, int[] counts, double[] engagement) {
        int slot = slotFor(id);
        for (int t = 0; t < Math.min(counts.length, TYPES.length); t++) {
            ints[slot * INTS + COUNTS + t] = counts[t];
        }
        if (engagement != null) {
            for (int i = 0; i < windows.count; i++) {
                scores[slot * stride + 2 * i] = engagement[i];
            }
        }
        if ((ints[slot * INTS + PACKED] & LISTED) != 0) {
            unlist(slot);
            list(slot);
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
            for (int slot = 0; slot < n; slot++) {
                scores[slot * stride + 2 * w] *= f;
            }
        }
        landmark = next;
        factorsAt = Long.MIN_VALUE;
        for (int slot = 0; slot < n; slot++) {
            ArticleMeta m = metas[slot];
            for (int w = 0; w < windows.count; w++) {
                scores[slot * stride + 2 * w + 1] =
                        m == null ? 0 : priorAt(m.publishedAt().toEpochMilli(), w);
            }
        }
        all.rebuild(scores);
        labelTrees.forEach(t -> t.rebuild(scores));
        categoryTrees.forEach(t -> t.rebuild(scores));
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
        return new TopCursor(tree, window, scores);
    }

    double engagement(int slot, int w, long nowMs) {
        return Windows.decay(scores[slot * stride + 2 * w], windows.lambda[w], nowMs - landmark);
    }

    double recency(int slot, int w, long nowMs) {
        return Windows.decay(scores[slot * stride + 2 * w + 1], windows.lambda[w], nowMs - landmark);
    }

    ScoreExplanation explain(int slot, int w, long nowMs) {
        double engagement = engagement(slot, w, nowMs);
        double recency = recency(slot, w, nowMs);
        var c = new EnumMap<EventType, Long>(EventType.class);
        for (EventType t : TYPES) {
            c.put(t, (long) ints[slot * INTS + COUNTS + t.ordinal()]);
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
        scores = Arrays.copyOf(scores, cap * stride);
        ints = Arrays.copyOf(ints, cap * INTS);
    }
}
