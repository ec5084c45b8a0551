package dev.newsdesk.trending;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The multi-node engine: scores in Redis sorted sets shared by every node with the same key prefix. Events pass the
 * local gate, are summed in memory per article and window, and go to Redis as one pipelined batch per flush
 * interval; dedupe is settled there with {@code SET NX PX}, so a reader counts once across nodes. An event is
 * acknowledged when its batch is in Redis. Article metadata stays local: every node registers the articles it serves.
 */
final class RedisEngine implements Engine {

    /** The fixed landmark of the log-space scores. */
    static final long LANDMARK_MS = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    private static final int KEYS_PER_SCRIPT = 512;
    private static final int CHUNK = 10_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final EventType[] TYPES = EventType.values();

    private final TrendingSettings settings;
    private final Clock clock;
    private final Windows windows;
    private final RedisKeys keys;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> reads;
    private final StatefulRedisConnection<String, String> writes;
    private final EventGate gate;
    private final RedisReads lists;
    private final Map<String, ArticleMeta> metas = new ConcurrentHashMap<>();
    private final Editorial editorial = new Editorial();
    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock flushLock = new ReentrantLock();
    private final ScheduledExecutorService ticker;
    private Batch batch;

    private RedisEngine(
            TrendingSettings settings,
            Clock clock,
            RedisClient client,
            StatefulRedisConnection<String, String> reads,
            StatefulRedisConnection<String, String> writes) {
        this.settings = settings;
        this.clock = clock;
        this.windows = new Windows(settings.windows());
        this.keys = new RedisKeys(settings.storage().redisKeyPrefix());
        this.client = client;
        this.reads = reads;
        this.writes = writes;
        this.gate = new EventGate(settings, this::sharedSalt);
        this.lists = new RedisReads(settings, windows, keys, reads, metas::get);
        this.batch = new Batch(clock.millis());
        refreshEditorial();
        long interval = settings.storage().redisFlushInterval().toMillis();
        this.ticker = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name("trending-redis-flush").daemon().unstarted(r));
        ticker.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    static Engine connect(TrendingSettings settings, Clock clock) {
        RedisURI uri = RedisURI.create(settings.storage().redisUri());
        uri.setTimeout(TIMEOUT);
        RedisClient client = RedisClient.create(uri);
        try {
            StatefulRedisConnection<String, String> reads = client.connect();
            StatefulRedisConnection<String, String> writes = client.connect();
            reads.sync().ping();
            return new RedisEngine(settings, clock, client, reads, writes);
        } catch (RedisException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            throw new TrendingException(
                    "cannot reach Redis at " + settings.storage().redisUri() + ": " + rootMessage(e), e);
        }
    }

    /** The visitor-hash salt of a period: the first node to ask draws it, it expires after two periods. */
    private long[] sharedSalt(long period) {
        byte[] fresh = new byte[16];
        new SecureRandom().nextBytes(fresh);
        long ttl = 2 * settings.saltRotation().toMillis() + 3_600_000;
        var sync = writes.sync();
        sync.set(
                keys.salt(period),
                HexFormat.of().formatHex(fresh),
                SetArgs.Builder.nx().px(ttl));
        String salt = sync.get(keys.salt(period));
        return new long[] {
            Long.parseUnsignedLong(salt.substring(0, 16), 16), Long.parseUnsignedLong(salt.substring(16, 32), 16)
        };
    }

    /** Events gathered for the next flush. */
    private final class Batch {
        final long landmarkMs; // increments are summed relative to this, then moved to LANDMARK_MS in log space
        final Map<String, Agg> aggs = new HashMap<>();
        final List<Keyed> keyed = new ArrayList<>();
        final Map<String, ArticleMeta> registrations = new LinkedHashMap<>();
        final CompletableFuture<Outcome> accepted = new CompletableFuture<>();
        final CompletionStage<Outcome> acceptedStage = accepted.minimalCompletionStage();

        Batch(long landmarkMs) {
            this.landmarkMs = landmarkMs;
        }

        void add(ArticleMeta meta, EventType type, long timeMs, double weight) {
            Agg a = aggs.computeIfAbsent(meta.id(), id -> new Agg(windows.count));
            a.meta = meta;
            a.counts[type.ordinal()]++;
            for (int w = 0; w < windows.count; w++) {
                a.sums[w] += weight * Math.exp(windows.lambda[w] * (timeMs - landmarkMs));
            }
        }

        boolean isEmpty() {
            return aggs.isEmpty() && keyed.isEmpty() && registrations.isEmpty();
        }
    }

    private static final class Agg {
        ArticleMeta meta;
        final double[] sums;
        final long[] counts = new long[TYPES.length];

        Agg(int windows) {
            sums = new double[windows];
        }
    }

    /** An event whose dedupe is settled in Redis at flush time. */
    private record Keyed(
            ArticleMeta meta,
            EventType type,
            long timeMs,
            double weight,
            long key,
            long previousKey,
            CompletableFuture<Outcome> result) {}

    @Override
    public void register(ArticleMeta meta) {
        ArticleMeta old = metas.put(meta.id(), meta);
        if (old == null || !RedisKeys.description(old).equals(RedisKeys.description(meta))) {
            lock.lock();
            try {
                batch.registrations.put(meta.id(), meta);
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public Outcome record(EngagementEvent event) {
        try {
            return recordAsync(event).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof TrendingException t ? t : new TrendingException(rootMessage(e), e);
        }
    }

    @Override
    public CompletionStage<Outcome> recordAsync(EngagementEvent event) {
        long now = clock.millis();
        EventGate.Screened s = gate.screen(event, now);
        if (s.drop() != null) {
            return CompletableFuture.completedStage(s.drop());
        }
        ArticleMeta meta = metas.get(event.articleId());
        Outcome early = meta == null ? Outcome.UNKNOWN_ARTICLE : !meta.publishedBy(now) ? Outcome.UNPUBLISHED : null;
        if (early != null) {
            return CompletableFuture.completedStage(gate.count(early));
        }
        lock.lock();
        try {
            if (!gate.firstSeen(s, now)) {
                return CompletableFuture.completedStage(gate.count(Outcome.DUPLICATE));
            }
            if (s.key() != 0) {
                var result = new CompletableFuture<Outcome>();
                batch.keyed.add(
                        new Keyed(meta, event.type(), s.timeMs(), s.weight(), s.key(), s.previousKey(), result));
                return result.minimalCompletionStage();
            }
            batch.add(meta, event.type(), s.timeMs(), s.weight());
            gate.count(Outcome.ACCEPTED);
            return batch.acceptedStage;
        } finally {
            lock.unlock();
        }
    }

    private void tick() {
        try {
            flushOnce();
        } catch (RuntimeException e) {
            // the failed batch's callers were told; keep ticking
        }
    }

    @Override
    public void flush() {
        flushOnce();
    }

    /** Sends the gathered batch; its callers are acknowledged (or failed) when Redis has answered. */
    private void flushOnce() {
        flushLock.lock();
        try {
            Batch b;
            lock.lock();
            try {
                b = batch;
                batch = new Batch(clock.millis());
            } finally {
                lock.unlock();
            }
            if (!b.isEmpty()) {
                try {
                    send(b);
                } catch (RuntimeException e) {
                    requeueRegistrations(b);
                    var failure = new TrendingException("Redis write failed, events not counted: " + rootMessage(e), e);
                    b.keyed.forEach(k -> k.result().completeExceptionally(failure));
                    b.accepted.completeExceptionally(failure);
                    throw failure;
                }
            }
            refreshEditorial();
        } finally {
            flushLock.unlock();
        }
    }

    /** Registrations are idempotent in Redis: a failed batch's are sent again with the next one. */
    private void requeueRegistrations(Batch failed) {
        lock.lock();
        try {
            failed.registrations.forEach(batch.registrations::putIfAbsent);
        } finally {
            lock.unlock();
        }
    }

    private void send(Batch b) {
        RedisAsyncCommands<String, String> redis = writes.async();
        var pending = new ArrayList<Future<?>>();
        for (ArticleMeta m : b.registrations.values()) {
            pending.add(redis.eval(
                    RedisKeys.REGISTER, ScriptOutputType.INTEGER, new String[] {keys.registry()}, registerArgs(m)));
            if (pending.size() == CHUNK) { // a first start registers every article: wait chunk by chunk
                await(pending);
                pending.clear();
            }
        }
        await(pending);
        pending.clear();

        var firsts = new ArrayList<RedisFuture<String>>();
        var previous = new ArrayList<RedisFuture<Long>>();
        long windowMs = settings.dedupeWindow().toMillis();
        for (Keyed k : b.keyed) {
            firsts.add(redis.set(keys.dedupe(k.key()), "1", SetArgs.Builder.nx().px(windowMs)));
            previous.add(k.previousKey() == 0 ? null : redis.exists(keys.dedupe(k.previousKey())));
        }
        await(firsts);
        await(previous);
        var outcomes = new Outcome[b.keyed.size()];
        for (int i = 0; i < outcomes.length; i++) {
            Keyed k = b.keyed.get(i);
            boolean first =
                    "OK".equals(value(firsts.get(i))) && (previous.get(i) == null || value(previous.get(i)) == 0);
            outcomes[i] = first ? Outcome.ACCEPTED : Outcome.DUPLICATE;
            if (first) {
                b.add(k.meta(), k.type(), k.timeMs(), k.weight());
            }
        }

        var zkeys = new ArrayList<String>();
        var zargs = new ArrayList<String>();
        for (Agg a : b.aggs.values()) {
            String id = a.meta.id();
            for (int w = 0; w < windows.count; w++) {
                if (a.sums[w] <= 0) {
                    continue;
                }
                double logInc = Math.log(a.sums[w]) + windows.lambda[w] * (b.landmarkMs - LANDMARK_MS);
                for (Scope scope : scopes(a.meta)) {
                    zkeys.add(keys.scores(windows.names[w], scope));
                    zargs.add(id);
                    zargs.add(Double.toString(logInc));
                }
                if (zkeys.size() >= KEYS_PER_SCRIPT) {
                    pending.add(add(redis, zkeys, zargs));
                    zkeys.clear();
                    zargs.clear();
                }
            }
            for (EventType t : TYPES) {
                if (a.counts[t.ordinal()] > 0) {
                    pending.add(redis.hincrby(keys.counts(), RedisKeys.countField(t, id), a.counts[t.ordinal()]));
                }
            }
        }
        if (!zkeys.isEmpty()) {
            pending.add(add(redis, zkeys, zargs));
        }
        await(pending);

        for (int i = 0; i < outcomes.length; i++) {
            b.keyed.get(i).result().complete(gate.count(outcomes[i]));
        }
        b.accepted.complete(Outcome.ACCEPTED);
    }

    private static RedisFuture<Long> add(
            RedisAsyncCommands<String, String> redis, List<String> zkeys, List<String> zargs) {
        return redis.eval(
                RedisKeys.ADD, ScriptOutputType.INTEGER, zkeys.toArray(String[]::new), zargs.toArray(String[]::new));
    }

    private String[] registerArgs(ArticleMeta m) {
        var args = new ArrayList<String>(List.of(
                m.id(),
                RedisKeys.description(m),
                keys.prefix(),
                settings.recencyPrior() > 0 ? Double.toString(Math.log(settings.recencyPrior())) : "",
                Long.toString(LANDMARK_MS)));
        for (int w = 0; w < windows.count; w++) {
            args.add(windows.names[w]);
            args.add(Double.toString(windows.lambda[w]));
        }
        return args.toArray(String[]::new);
    }

    static List<Scope> scopes(ArticleMeta m) {
        var s = new ArrayList<Scope>(3);
        s.add(Scope.ALL);
        if (m.label() != null) {
            s.add(Scope.label(m.label()));
        }
        if (m.siteCategory() != null) {
            s.add(Scope.category(m.siteCategory()));
        }
        return s;
    }

    private static void await(List<? extends Future<?>> futures) {
        var live = futures.stream().filter(f -> f != null).toArray(Future[]::new);
        if (live.length > 0 && !LettuceFutures.awaitAll(TIMEOUT, live)) {
            throw new TrendingException("Redis did not answer within " + TIMEOUT.toSeconds() + " s");
        }
    }

    static <T> T value(Future<T> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw new TrendingException("Redis: " + rootMessage(e), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrendingException("interrupted while waiting for Redis", e);
        }
    }

    private void refreshEditorial() {
        var redis = reads.async();
        var pins = redis.zrange(keys.pins(), 0, -1);
        var blocks = redis.smembers(keys.blocks());
        editorial.replace(value(pins), value(blocks));
    }

    @Override
    public TrendingList top(Scope scope, int window, int limit) {
        return lists.top(scope, window, limit, clock.millis(), editorial.snapshot());
    }

    @Override
    public TrendingList rising(Scope scope, int limit) {
        return lists.rising(scope, limit, clock.millis(), editorial.snapshot());
    }

    @Override
    public Optional<ScoreExplanation> explain(String articleId, int window) {
        ArticleMeta m = metas.get(articleId);
        return m == null ? Optional.empty() : Optional.of(lists.explain(m, window, clock.millis()));
    }

    @Override
    public void editorial(int action, String articleId) {
        var sync = writes.sync();
        switch (action) {
            case Editorial.PIN ->
                sync.zadd(keys.pins(), io.lettuce.core.ZAddArgs.Builder.nx(), clock.millis(), articleId);
            case Editorial.UNPIN -> sync.zrem(keys.pins(), articleId);
            case Editorial.BLOCK -> sync.sadd(keys.blocks(), articleId);
            case Editorial.UNBLOCK -> sync.srem(keys.blocks(), articleId);
            default -> throw new IllegalArgumentException("unknown editorial action " + action);
        }
        refreshEditorial();
    }

    @Override
    public TrendingStats stats() {
        return new TrendingStats("redis", metas.size(), gate.outcomes(), gate.clampedToNow(), 0);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            flushOnce();
        } finally {
            reads.close();
            writes.close();
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
