package dev.newsdesk.trending;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-process engine: gate, optional event log, score index, under one lock. An accepted event is appended to
 * the log and applied to the index in the same critical section, so replaying the log applies the same events in
 * the same order and restores the same scores bit for bit; the caller is acknowledged once its batch is fsynced.
 */
final class EmbeddedEngine implements Engine {

    private static final Outcome[] OUTCOMES = Outcome.values();

    private final TrendingSettings settings;
    private final Clock clock;
    private final EventGate gate;
    private final ScoreIndex index;
    private final EventLog log;
    private final Editorial editorial = new Editorial();
    private final ReentrantLock lock = new ReentrantLock();
    private final CompletionStage<Outcome>[] completed;
    private final long[] counted = new long[OUTCOMES.length]; // outcomes settled under the lock; the gate counts drops

    private static final System.Logger LOG = System.getLogger(EmbeddedEngine.class.getName());

    /** Serialises checkpoints: the background one and any a caller asks for. */
    private final ReentrantLock checkpointing = new ReentrantLock();

    private final Thread checkpointer;
    private final Object wake = new Object();

    /** Set by close; the checkpoint thread is woken, not interrupted (an interrupt would close the log's files). */
    private boolean stopping;

    @SuppressWarnings("unchecked")
    EmbeddedEngine(TrendingSettings settings, Clock clock, double rebaseExponent) {
        this.settings = settings;
        this.clock = clock;
        this.gate = new EventGate(settings, VisitorKeys.randomSalts());
        this.index = new ScoreIndex(
                new Windows(settings.windows()),
                settings.recencyPrior(),
                ScoreIndex.initialLandmark(clock.millis()),
                rebaseExponent,
                settings.maxArticleAge().toMillis());
        this.completed = new CompletionStage[OUTCOMES.length];
        for (Outcome o : OUTCOMES) {
            completed[o.ordinal()] = CompletableFuture.completedStage(o);
        }
        var dir = settings.storage().logDir();
        this.log = dir == null ? null : EventLog.open(dir, settings.storage().segmentBytes(), new Replayer());
        if (log != null && log.isNew()) {
            log.awaitDurable(log.appendLandmark(index.landmark()));
        }
        this.checkpointer = log == null || settings.storage().checkpointSegments() == 0
                ? null
                : Thread.ofPlatform().name("trending-checkpoint").daemon().start(this::checkpointLoop);
    }

    /** Applies replayed records straight to the index: they were gated before they were logged. */
    private final class Replayer implements EventLog.Replay {
        private boolean first = true;
        private boolean sameWindows = true; // as the last checkpoint's: its engagement can be restored

        @Override
        public void landmark(long landmarkMs) {
            if (first) {
                index.startAt(landmarkMs);
            }
            first = false;
        }

        @Override
        public void event(String articleId, EventType type, long timeMs, double weight) {
            first = false;
            index.apply(index.slotFor(articleId), type, timeMs, weight);
        }

        @Override
        public void editorial(int action, String articleId) {
            first = false;
            editorial.apply(action, articleId);
        }

        @Override
        public void checkpoint(long landmarkMs, double[] lambdas) {
            landmark(landmarkMs);
            sameWindows = java.util.Arrays.equals(lambdas, index.windows.lambda);
            if (!sameWindows) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "the trending windows changed since the last event log checkpoint: counts are kept, but "
                                + "engagement before it starts again from zero");
            }
        }

        @Override
        public void state(String articleId, int[] counts, double[] engagement) {
            index.restore(articleId, counts, sameWindows ? engagement : null);
        }
    }

    /**
     * Writes a checkpoint of the current state and deletes the log before it (see {@link EventLog}). Events wait only
     * while the state is copied; the file is written after the engine's lock is released. False without a log.
     */
    boolean checkpoint() {
        if (log == null) {
            return false;
        }
        checkpointing.lock();
        try {
            int gap;
            EventLog.Checkpoint cp;
            lock.lock();
            try {
                gap = log.roll();
                cp = index.checkpoint(editorial.snapshot());
            } finally {
                lock.unlock();
            }
            log.writeCheckpoint(gap, cp);
            return true;
        } finally {
            checkpointing.unlock();
        }
    }

    /** Checks once a second whether enough segments have closed for a checkpoint. */
    private void checkpointLoop() {
        while (true) {
            synchronized (wake) {
                try {
                    if (!stopping) {
                        wake.wait(1000);
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (stopping) {
                    return;
                }
            }
            if (log.closedSinceCheckpoint() >= settings.storage().checkpointSegments()) {
                try {
                    checkpoint();
                } catch (TrendingException e) {
                    LOG.log(System.Logger.Level.ERROR, "event log checkpoint failed; the log is kept whole", e);
                }
            }
        }
    }

    @Override
    public void register(ArticleMeta meta) {
        lock.lock();
        try {
            index.register(meta, clock.millis());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Outcome record(EngagementEvent event) {
        long seq = admit(event);
        if (seq < 0) {
            return OUTCOMES[(int) -seq - 1];
        }
        if (log != null) {
            log.awaitDurable(seq);
        }
        return Outcome.ACCEPTED;
    }

    @Override
    public CompletionStage<Outcome> recordAsync(EngagementEvent event) {
        long seq = admit(event);
        if (seq < 0) {
            return completed[(int) -seq - 1];
        }
        return log == null ? completed[Outcome.ACCEPTED.ordinal()] : log.acceptedWhenDurable(seq);
    }

    /**
     * A batch as one arrives from the API: screened (keys computed) outside the lock, then, under it once, every
     * event's article entry, dedupe entry and scores read in a first pass, so their cache misses overlap instead of
     * following one another, then each event admitted in order exactly as {@link #recordAsync} would.
     */
    @Override
    public List<CompletionStage<Outcome>> recordAllAsync(List<EngagementEvent> events) {
        long now = clock.millis();
        int n = events.size();
        EventGate.Screened[] screened = new EventGate.Screened[n];
        for (int i = 0; i < n; i++) {
            screened[i] = gate.screen(events.get(i), now);
        }
        int[] slots = new int[n];
        long[] seqs = new long[n];
        lock.lock();
        try {
            long touched = 0;
            for (EventGate.Screened s : screened) {
                touched += s.drop() == null ? index.touchId(s.event().articleId()) : 0;
            }
            for (int i = 0; i < n; i++) {
                EventGate.Screened s = screened[i];
                if (s.drop() == null) {
                    slots[i] = index.find(s.event().articleId());
                    touched += gate.touch(s) + (slots[i] < 0 ? 0 : index.touch(slots[i]));
                }
            }
            this.touched = touched;
            for (int i = 0; i < n; i++) {
                EventGate.Screened s = screened[i];
                seqs[i] = s.drop() != null ? -(s.drop().ordinal() + 1) : admitLocked(s, slots[i], now);
            }
        } finally {
            lock.unlock();
        }
        List<CompletionStage<Outcome>> out = new java.util.ArrayList<>(n);
        for (long seq : seqs) {
            out.add(
                    seq < 0 || log == null
                            ? completed[seq < 0 ? (int) -seq - 1 : Outcome.ACCEPTED.ordinal()]
                            : log.acceptedWhenDurable(seq));
        }
        return out;
    }

    /** Keeps the first pass's reads from being optimised away. */
    @SuppressWarnings("unused")
    private volatile long touched;

    /** Gates, logs and applies; returns the log sequence number (0 without a log), or {@code -(drop ordinal + 1)}. */
    private long admit(EngagementEvent event) {
        long now = clock.millis();
        EventGate.Screened s = gate.screen(event, now);
        if (s.drop() != null) {
            return -(s.drop().ordinal() + 1);
        }
        lock.lock();
        try {
            return admitLocked(s, index.find(event.articleId()), now);
        } finally {
            lock.unlock();
        }
    }

    /** Admits a screened event whose article is at {@code slot} (or -1); the caller holds the lock. */
    private long admitLocked(EventGate.Screened s, int slot, long now) {
        EngagementEvent event = s.event();
        Outcome o;
        long seq = 0;
        if (slot < 0 || !index.registered(slot)) {
            o = Outcome.UNKNOWN_ARTICLE;
        } else if (!index.publishedBy(slot, now)) {
            o = Outcome.UNPUBLISHED;
        } else if (!gate.firstSeen(s, now)) {
            o = Outcome.DUPLICATE;
        } else {
            o = Outcome.ACCEPTED;
            if (log != null) {
                seq = log.appendEvent(event.articleId(), event.type(), s.timeMs(), s.weight());
            }
            index.apply(slot, event.type(), s.timeMs(), s.weight());
        }
        counted[o.ordinal()]++; // under the lock: a plain increment, not one more atomic instruction
        return o == Outcome.ACCEPTED ? seq : -(o.ordinal() + 1);
    }

    @Override
    public TrendingList top(Scope scope, int window, int limit) {
        long now = clock.millis();
        Lists.Rules rules = rules(scope, limit, now);
        lock.lock();
        try {
            index.expire(now);
            ScopeTree tree = index.tree(scope);
            Lists.Candidates candidates =
                    tree == null ? Cursor.EMPTY : new Cursor(index.cursor(tree, window), window, now);
            var items =
                    Lists.top(rules, candidates, this::metaOrNull, id -> index.explain(index.find(id), window, now));
            return new TrendingList(scope, index.windows.names[window], Instant.ofEpochMilli(now), items);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public TrendingList rising(Scope scope, int limit) {
        long now = clock.millis();
        Lists.Rules rules = rules(scope, limit, now);
        Windows ws = index.windows;
        int shortW = 0;
        int longW = ws.count - 1;
        var risers = new java.util.ArrayList<Lists.Riser>();
        lock.lock();
        try {
            index.expire(now);
            ScopeTree tree = index.tree(scope);
            if (tree != null) {
                TopCursor cursor = index.cursor(tree, shortW);
                int seen = 0;
                for (int scanned = 0; seen < settings.rising().candidates() && scanned < Lists.MAX_SCAN; scanned++) {
                    int slot = cursor.next();
                    if (slot == ScopeTree.NONE) {
                        break;
                    }
                    ArticleMeta m = index.meta(slot);
                    if (!Lists.eligible(m, rules)) {
                        continue;
                    }
                    seen++;
                    double shortE = index.engagement(slot, shortW, now);
                    if (shortE >= settings.rising().minEngagement() && shortE > 0) {
                        double ratio = Lists.risingRatio(
                                shortE,
                                ws.lambda[shortW],
                                index.engagement(slot, longW, now),
                                ws.lambda[longW],
                                settings.rising().floorPerHour());
                        risers.add(new Lists.Riser(m, ratio, index.explain(slot, shortW, now)));
                    }
                }
            }
        } finally {
            lock.unlock();
        }
        return new TrendingList(scope, "rising", Instant.ofEpochMilli(now), Lists.rising(rules, risers));
    }

    private Lists.Rules rules(Scope scope, int limit, long now) {
        return new Lists.Rules(
                scope,
                limit,
                now,
                settings.maxArticleAge().toMillis(),
                settings.maxPerCategory(),
                editorial.snapshot());
    }

    private ArticleMeta metaOrNull(String id) {
        int slot = index.find(id);
        return slot < 0 ? null : index.meta(slot);
    }

    /** Candidates from a tree cursor. */
    private final class Cursor implements Lists.Candidates {
        static final Lists.Candidates EMPTY = new Lists.Candidates() {
            @Override
            public boolean advance() {
                return false;
            }

            @Override
            public ArticleMeta meta() {
                return null;
            }

            @Override
            public ScoreExplanation explain() {
                return null;
            }
        };

        private final TopCursor cursor;
        private final int window;
        private final long now;
        private int slot = ScopeTree.NONE;

        Cursor(TopCursor cursor, int window, long now) {
            this.cursor = cursor;
            this.window = window;
            this.now = now;
        }

        @Override
        public boolean advance() {
            slot = cursor.next();
            return slot != ScopeTree.NONE;
        }

        @Override
        public ArticleMeta meta() {
            return index.meta(slot);
        }

        @Override
        public ScoreExplanation explain() {
            return index.explain(slot, window, now);
        }
    }

    @Override
    public Optional<ScoreExplanation> explain(String articleId, int window) {
        long now = clock.millis();
        lock.lock();
        try {
            int slot = index.find(articleId);
            return slot < 0 ? Optional.empty() : Optional.of(index.explain(slot, window, now));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void editorial(int action, String articleId) {
        long seq = 0;
        lock.lock();
        try {
            if (log != null) {
                seq = log.appendEditorial(action, articleId);
            }
            editorial.apply(action, articleId);
        } finally {
            lock.unlock();
        }
        if (log != null) {
            log.awaitDurable(seq);
        }
    }

    @Override
    public TrendingStats stats() {
        int articles;
        var outcomes = gate.outcomes();
        lock.lock();
        try {
            articles = index.articles();
            for (Outcome o : OUTCOMES) {
                outcomes.merge(o, counted[o.ordinal()], Long::sum);
            }
        } finally {
            lock.unlock();
        }
        return new TrendingStats(
                log == null ? "embedded" : "embedded-durable",
                articles,
                outcomes,
                gate.clampedToNow(),
                log == null ? 0 : log.bytesOnDisk());
    }

    @Override
    public void flush() {
        // every acknowledged event is already durable; nothing is held back
    }

    /** For tests: the current landmark and the number of rebases so far. */
    long landmark() {
        lock.lock();
        try {
            return index.landmark();
        } finally {
            lock.unlock();
        }
    }

    int rebases() {
        lock.lock();
        try {
            return index.rebases();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        if (checkpointer != null) {
            synchronized (wake) {
                stopping = true;
                wake.notifyAll();
            }
            try {
                checkpointer.join(java.util.concurrent.TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (log != null) {
            log.close();
        }
    }
}
