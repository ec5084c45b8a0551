package dev.newsdesk.trending;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Trending settings, validated on construction. {@link #DEFAULTS} serve the embedded mode.
 *
 * @param windows the list windows, each an exponential decay with its half-life; the first is the short window of
 *     {@code rising}, the last its baseline
 * @param weights the weight of one event of each type; {@link EventType#READ}'s is per engaged minute
 * @param maxReadSeconds engaged seconds beyond this count no more
 * @param recencyPrior a new article starts as if it had this much engagement at its publication time, decaying
 *     like engagement: fresh articles can enter, old ones need current engagement
 * @param maxArticleAge articles published longer ago are left out of lists
 * @param maxPerCategory at most this many items of one site category per list, for variety
 * @param maxListSize the largest list a caller may ask for
 * @param dedupeWindow the same visitor counts once per article and event type within this time; zero turns dedupe off
 * @param dedupeCapacity visitor-article pairs remembered per dedupe generation before it rotates early
 * @param maxEventAge older events are dropped ({@link Outcome#TOO_OLD}); future ones are clamped to now
 * @param saltRotation the visitor-hash salt is random, kept in memory only and replaced this often
 * @param botAgents user-agent substrings (case-insensitive) that mark bots, crawlers, preview fetchers and scripts
 * @param rising how the rising list is made
 * @param storage where scores live and how they survive restarts
 */
public record TrendingSettings(
        List<Window> windows,
        Map<EventType, Double> weights,
        int maxReadSeconds,
        double recencyPrior,
        Duration maxArticleAge,
        int maxPerCategory,
        int maxListSize,
        Duration dedupeWindow,
        int dedupeCapacity,
        Duration maxEventAge,
        Duration saltRotation,
        List<String> botAgents,
        Rising rising,
        Storage storage) {

    /** A list window: scores decay with this half-life. */
    public record Window(String name, Duration halfLife) {
        private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

        public Window {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "window name must be lower-case letters, digits or '-', 1 to 32 characters, was " + name);
            }
            if (halfLife == null
                    || halfLife.compareTo(Duration.ofMinutes(1)) < 0
                    || halfLife.compareTo(Duration.ofDays(365)) > 0) {
                throw new IllegalArgumentException("half-life of window " + name + " must be 1 minute to 365 days");
            }
        }
    }

    /**
     * The rising list: articles ranked by their short-window rate against their long-window baseline,
     * {@code rate_short / (rate_long + floorPerHour)}.
     *
     * @param floorPerHour added to the baseline rate (engagement per hour) so that a first view is not infinitely rising
     * @param minEngagement decayed short-window engagement an article needs to be listed
     * @param candidates how many of the top short-window articles are considered
     */
    public record Rising(double floorPerHour, double minEngagement, int candidates) {
        public Rising {
            if (!(floorPerHour > 0) || Double.isInfinite(floorPerHour)) {
                throw new IllegalArgumentException("rising floor must be a positive rate per hour");
            }
            if (!(minEngagement >= 0) || Double.isInfinite(minEngagement)) {
                throw new IllegalArgumentException("rising minimum engagement must be zero or more");
            }
            if (candidates < 1 || candidates > 100_000) {
                throw new IllegalArgumentException("rising candidates must be 1 to 100000");
            }
        }
    }

    /** Which index keeps the scores. */
    public enum Backend {
        /** In this process; durable through the event log in {@link Storage#logDir()}. */
        EMBEDDED,
        /** Sorted sets in Redis, shared by every node using the same key prefix. */
        REDIS
    }

    /**
     * Where scores live.
     *
     * @param backend embedded (default) or Redis
     * @param logDir embedded: the event log directory; null keeps everything in memory (lost on restart)
     * @param segmentBytes embedded: a log segment is closed and a new one started past this size
     * @param checkpointSegments embedded: after this many closed segments the state is written as a checkpoint and
     *     the log before it deleted, so replay stays short and the directory bounded (0: never)
     * @param redisUri Redis: e.g. {@code redis://127.0.0.1:6379}
     * @param redisKeyPrefix Redis: every key starts with this; nodes sharing a list share the prefix
     * @param redisFlushInterval Redis: increments are aggregated in memory and sent this often
     */
    public record Storage(
            Backend backend,
            Path logDir,
            long segmentBytes,
            int checkpointSegments,
            String redisUri,
            String redisKeyPrefix,
            Duration redisFlushInterval) {

        public Storage {
            Objects.requireNonNull(backend, "backend");
            if (segmentBytes < 4096) {
                throw new IllegalArgumentException("log segment size must be at least 4096 bytes");
            }
            if (checkpointSegments < 0) {
                throw new IllegalArgumentException("checkpoint segments must be 0 (never) or more");
            }
            if (redisKeyPrefix == null || redisKeyPrefix.isBlank()) {
                throw new IllegalArgumentException("Redis key prefix must not be blank");
            }
            if (backend == Backend.REDIS && (redisUri == null || redisUri.isBlank())) {
                throw new IllegalArgumentException("the Redis backend needs a Redis URI");
            }
            if (redisFlushInterval == null || redisFlushInterval.toMillis() < 10) {
                throw new IllegalArgumentException("Redis flush interval must be at least 10 ms");
            }
        }

        public static Storage inMemory() {
            return new Storage(
                    Backend.EMBEDDED,
                    null,
                    64L << 20,
                    4,
                    "redis://127.0.0.1:6379",
                    "newsdesk:trending",
                    Duration.ofSeconds(1));
        }

        public static Storage durable(Path logDir) {
            return inMemory().withLogDir(Objects.requireNonNull(logDir, "logDir"));
        }

        public static Storage redis(String uri, String keyPrefix) {
            return new Storage(Backend.REDIS, null, 64L << 20, 4, uri, keyPrefix, Duration.ofSeconds(1));
        }

        public Storage withLogDir(Path dir) {
            return new Storage(
                    backend, dir, segmentBytes, checkpointSegments, redisUri, redisKeyPrefix, redisFlushInterval);
        }

        public Storage withSegmentBytes(long bytes) {
            return new Storage(
                    backend, logDir, bytes, checkpointSegments, redisUri, redisKeyPrefix, redisFlushInterval);
        }

        public Storage withCheckpointSegments(int segments) {
            return new Storage(backend, logDir, segmentBytes, segments, redisUri, redisKeyPrefix, redisFlushInterval);
        }

        public Storage withRedisFlushInterval(Duration interval) {
            return new Storage(backend, logDir, segmentBytes, checkpointSegments, redisUri, redisKeyPrefix, interval);
        }
    }

    public static final List<Window> DEFAULT_WINDOWS = List.of(
            new Window("now", Duration.ofHours(2)),
            new Window("today", Duration.ofHours(12)),
            new Window("week", Duration.ofHours(84)));

    public static final Map<EventType, Double> DEFAULT_WEIGHTS = Map.of(
            EventType.VIEW, 1.0,
            EventType.READ, 1.0,
            EventType.COMMENT, 5.0,
            EventType.SHARE, 8.0,
            EventType.LIKE, 3.0);

    /** Embedded index, durable event log under {@code newsdesk-data/trending}. */
    public static final TrendingSettings DEFAULTS = new TrendingSettings(
            DEFAULT_WINDOWS,
            DEFAULT_WEIGHTS,
            600,
            5.0,
            Duration.ofDays(7),
            4,
            100,
            Duration.ofMinutes(30),
            1_000_000,
            Duration.ofHours(6),
            Duration.ofDays(1),
            BotAgents.DEFAULT,
            new Rising(6.0, 3.0, 500),
            Storage.durable(Path.of("newsdesk-data", "trending")));

    public TrendingSettings {
        windows = List.copyOf(windows);
        if (windows.isEmpty() || windows.size() > 8) {
            throw new IllegalArgumentException("there must be 1 to 8 windows");
        }
        var names = new HashSet<String>();
        for (Window w : windows) {
            if (!names.add(w.name())) {
                throw new IllegalArgumentException("window " + w.name() + " is defined twice");
            }
        }
        var filled = new EnumMap<EventType, Double>(EventType.class);
        filled.putAll(DEFAULT_WEIGHTS);
        filled.putAll(Objects.requireNonNull(weights, "weights"));
        filled.forEach((type, w) -> {
            if (w == null || !(w >= 0) || w.isInfinite()) {
                throw new IllegalArgumentException("weight of " + type + " must be zero or more, was " + w);
            }
        });
        weights = Map.copyOf(filled);
        if (maxReadSeconds < 1 || maxReadSeconds > 86_400) {
            throw new IllegalArgumentException("maximum read seconds must be 1 to 86400");
        }
        if (!(recencyPrior >= 0) || Double.isInfinite(recencyPrior)) {
            throw new IllegalArgumentException("recency prior must be zero or more");
        }
        positive(maxArticleAge, "maximum article age");
        if (maxPerCategory < 1) {
            throw new IllegalArgumentException("maximum items per category must be at least 1");
        }
        if (maxListSize < 1 || maxListSize > 1000) {
            throw new IllegalArgumentException("maximum list size must be 1 to 1000");
        }
        if (dedupeWindow == null || dedupeWindow.isNegative() || dedupeWindow.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("dedupe window must be 0 to 24 hours");
        }
        if (dedupeCapacity < 1024) {
            throw new IllegalArgumentException("dedupe capacity must be at least 1024");
        }
        positive(maxEventAge, "maximum event age");
        positive(saltRotation, "salt rotation");
        if (saltRotation.compareTo(dedupeWindow) < 0) {
            throw new IllegalArgumentException("salt rotation must not be shorter than the dedupe window");
        }
        botAgents = botAgents.stream()
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
        Objects.requireNonNull(rising, "rising");
        Objects.requireNonNull(storage, "storage");
    }

    private static void positive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }

    /**
     * Whether events at {@code epochMs} fall in the first dedupe window after a salt rotation, when each event with a
     * visitor is keyed under both salts and checked twice (so that a reader active across the rotation counts once).
     */
    public boolean keysTwiceAt(long epochMs) {
        return VisitorKeys.afterRotation(epochMs, saltRotation.toMillis(), dedupeWindow.toMillis());
    }

    /** The defaults with everything in memory: nothing survives a restart. For tests and benchmarks. */
    public static TrendingSettings inMemory() {
        return DEFAULTS.withStorage(Storage.inMemory());
    }

    public TrendingSettings withStorage(Storage s) {
        return copy().storage(s).build();
    }

    public TrendingSettings withWindows(List<Window> w) {
        return copy().windows(w).build();
    }

    public TrendingSettings withRecencyPrior(double prior) {
        return copy().recencyPrior(prior).build();
    }

    public TrendingSettings withArticleLimits(Duration maxAge, int perCategory) {
        return copy().maxArticleAge(maxAge).maxPerCategory(perCategory).build();
    }

    public TrendingSettings withDedupe(Duration window, int capacity) {
        return copy().dedupeWindow(window).dedupeCapacity(capacity).build();
    }

    public TrendingSettings withMaxEventAge(Duration age) {
        return copy().maxEventAge(age).build();
    }

    public TrendingSettings withRising(Rising r) {
        return copy().rising(r).build();
    }

    private Copy copy() {
        return new Copy(this);
    }

    /** A mutable copy, so that each {@code with} method names only what it changes. */
    private static final class Copy {
        private List<Window> windows;
        private Map<EventType, Double> weights;
        private int maxReadSeconds;
        private double recencyPrior;
        private Duration maxArticleAge;
        private int maxPerCategory;
        private int maxListSize;
        private Duration dedupeWindow;
        private int dedupeCapacity;
        private Duration maxEventAge;
        private Duration saltRotation;
        private List<String> botAgents;
        private Rising rising;
        private Storage storage;

        Copy(TrendingSettings s) {
            windows = s.windows;
            weights = s.weights;
            maxReadSeconds = s.maxReadSeconds;
            recencyPrior = s.recencyPrior;
            maxArticleAge = s.maxArticleAge;
            maxPerCategory = s.maxPerCategory;
            maxListSize = s.maxListSize;
            dedupeWindow = s.dedupeWindow;
            dedupeCapacity = s.dedupeCapacity;
            maxEventAge = s.maxEventAge;
            saltRotation = s.saltRotation;
            botAgents = s.botAgents;
            rising = s.rising;
            storage = s.storage;
        }

        Copy windows(List<Window> v) {
            windows = v;
            return this;
        }

        Copy recencyPrior(double v) {
            recencyPrior = v;
            return this;
        }

        Copy maxArticleAge(Duration v) {
            maxArticleAge = v;
            return this;
        }

        Copy maxPerCategory(int v) {
            maxPerCategory = v;
            return this;
        }

        Copy dedupeWindow(Duration v) {
            dedupeWindow = v;
            return this;
        }

        Copy dedupeCapacity(int v) {
            dedupeCapacity = v;
            return this;
        }

        Copy maxEventAge(Duration v) {
            maxEventAge = v;
            return this;
        }

        Copy rising(Rising v) {
            rising = v;
            return this;
        }

        Copy storage(Storage v) {
            storage = v;
            return this;
        }

        TrendingSettings build() {
            return new TrendingSettings(
                    windows,
                    weights,
                    maxReadSeconds,
                    recencyPrior,
                    maxArticleAge,
                    maxPerCategory,
                    maxListSize,
                    dedupeWindow,
                    dedupeCapacity,
                    maxEventAge,
                    saltRotation,
                    botAgents,
                    rising,
                    storage);
        }
    }

    int windowIndex(String name) {
        for (int i = 0; i < windows.size(); i++) {
            if (windows.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no window named '" + name + "'; windows are "
                + windows.stream().map(Window::name).toList());
    }
}
