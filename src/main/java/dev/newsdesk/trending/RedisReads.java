package dev.newsdesk.trending;

import io.lettuce.core.KeyValue;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Lists and explanations read from the Redis sorted sets, a page of candidates per round trip. */
final class RedisReads {

    private static final int PAGE = 128;
    private static final EventType[] TYPES = EventType.values();

    private final TrendingSettings settings;
    private final Windows windows;
    private final RedisKeys keys;
    private final StatefulRedisConnection<String, String> conn;
    private final Function<String, ArticleMeta> metas;

    RedisReads(
            TrendingSettings settings,
            Windows windows,
            RedisKeys keys,
            StatefulRedisConnection<String, String> conn,
            Function<String, ArticleMeta> metas) {
        this.settings = settings;
        this.windows = windows;
        this.keys = keys;
        this.conn = conn;
        this.metas = metas;
    }

    private Lists.Rules rules(Scope scope, int limit, long now, Editorial.Snapshot editorial) {
        return new Lists.Rules(
                scope, limit, now, settings.maxArticleAge().toMillis(), settings.maxPerCategory(), editorial);
    }

    TrendingList top(Scope scope, int w, int limit, long now, Editorial.Snapshot editorial) {
        var cursor = new Cursor(keys.scores(windows.names[w], scope), w, now, Math.max(PAGE, 2 * limit));
        var items =
                Lists.top(rules(scope, limit, now, editorial), cursor, metas, id -> explain(metas.apply(id), w, now));
        return new TrendingList(scope, windows.names[w], Instant.ofEpochMilli(now), items);
    }

    TrendingList rising(Scope scope, int limit, long now, Editorial.Snapshot editorial) {
        Lists.Rules rules = rules(scope, limit, now, editorial);
        int shortW = 0;
        int longW = windows.count - 1;
        var cursor = new Cursor(keys.scores(windows.names[shortW], scope), shortW, now, PAGE);
        var candidates = new ArrayList<ArticleMeta>();
        var shortScores = new ArrayList<Double>();
        for (int scanned = 0;
                candidates.size() < settings.rising().candidates() && scanned < Lists.MAX_SCAN && cursor.advance();
                scanned++) {
            if (Lists.eligible(cursor.meta(), rules)) {
                candidates.add(cursor.meta());
                shortScores.add(cursor.logScore());
            }
        }
        var risers = new ArrayList<Lists.Riser>();
        if (!candidates.isEmpty()) {
            String[] ids = candidates.stream().map(ArticleMeta::id).toArray(String[]::new);
            var redis = conn.async();
            var longScores = redis.zmscore(keys.scores(windows.names[longW], scope), ids);
            var counts = counts(ids);
            List<Double> longs = RedisEngine.value(longScores);
            for (int i = 0; i < ids.length; i++) {
                ScoreExplanation shortE =
                        explanation(candidates.get(i), shortW, now, shortScores.get(i), counts.get(ids[i]));
                ScoreExplanation longE = explanation(candidates.get(i), longW, now, longs.get(i), counts.get(ids[i]));
                double se = shortE.engagement();
                if (se >= settings.rising().minEngagement() && se > 0) {
                    double ratio = Lists.risingRatio(
                            se,
                            windows.lambda[shortW],
                            longE.engagement(),
                            windows.lambda[longW],
                            settings.rising().floorPerHour());
                    risers.add(new Lists.Riser(candidates.get(i), ratio, shortE));
                }
            }
        }
        return new TrendingList(scope, "rising", Instant.ofEpochMilli(now), Lists.rising(rules, risers));
    }

    ScoreExplanation explain(ArticleMeta m, int w, long now) {
        var score = conn.async().zscore(keys.scores(windows.names[w], Scope.ALL), m.id());
        var counts = counts(new String[] {m.id()});
        return explanation(m, w, now, RedisEngine.value(score), counts.get(m.id()));
    }

    /** Redis holds the total in log space; the recency part is the prior decayed since publication. */
    private ScoreExplanation explanation(ArticleMeta m, int w, long now, Double logScore, long[] counts) {
        double lambda = windows.lambda[w];
        double total = logScore == null ? 0 : Math.exp(logScore - lambda * (now - RedisEngine.LANDMARK_MS));
        double recency = settings.recencyPrior()
                * Math.exp(-lambda * (now - m.publishedAt().toEpochMilli()));
        double engagement = Math.max(0, total - recency);
        var c = new EnumMap<EventType, Long>(EventType.class);
        for (EventType t : TYPES) {
            c.put(t, counts == null ? 0 : counts[t.ordinal()]);
        }
        return new ScoreExplanation(
                m.id(), windows.names[w], windows.halfLives[w], engagement + recency, engagement, recency, c);
    }

    private Map<String, long[]> counts(String[] ids) {
        String[] fields = new String[ids.length * TYPES.length];
        for (int i = 0; i < ids.length; i++) {
            for (EventType t : TYPES) {
                fields[i * TYPES.length + t.ordinal()] = RedisKeys.countField(t, ids[i]);
            }
        }
        List<KeyValue<String, String>> values = RedisEngine.value(conn.async().hmget(keys.counts(), fields));
        var byId = new HashMap<String, long[]>();
        for (int i = 0; i < ids.length; i++) {
            long[] c = new long[TYPES.length];
            for (int t = 0; t < TYPES.length; t++) {
                var kv = values.get(i * TYPES.length + t);
                c[t] = kv.hasValue() ? Long.parseLong(kv.getValue()) : 0;
            }
            byId.put(ids[i], c);
        }
        return byId;
    }

    /** A sorted set read best first, a page at a time; the page's counts are fetched when first explained. */
    private final class Cursor implements Lists.Candidates {
        private final String key;
        private final int window;
        private final long now;
        private final int pageSize;
        private List<ScoredValue<String>> page = List.of();
        private Map<String, long[]> pageCounts;
        private int i = -1;
        private long offset;
        private boolean last;

        Cursor(String key, int window, long now, int pageSize) {
            this.key = key;
            this.window = window;
            this.now = now;
            this.pageSize = pageSize;
        }

        @Override
        public boolean advance() {
            if (++i < page.size()) {
                return true;
            }
            if (last) {
                return false;
            }
            page = RedisEngine.value(conn.async().zrevrangeWithScores(key, offset, offset + pageSize - 1));
            offset += pageSize;
            last = page.size() < pageSize;
            pageCounts = null;
            i = 0;
            return !page.isEmpty();
        }

        @Override
        public ArticleMeta meta() {
            return metas.apply(page.get(i).getValue());
        }

        double logScore() {
            return page.get(i).getScore();
        }

        @Override
        public ScoreExplanation explain() {
            if (pageCounts == null) {
                pageCounts = counts(page.stream().map(ScoredValue::getValue).toArray(String[]::new));
            }
            String id = page.get(i).getValue();
            return explanation(metas.apply(id), window, now, logScore(), pageCounts.get(id));
        }
    }
}
