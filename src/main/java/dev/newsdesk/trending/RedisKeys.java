package dev.newsdesk.trending;

/**
 * Redis key names and the Lua scripts that keep scores in log space.
 *
 * <p>Sorted set {@code P:z:WINDOW:SCOPE} (scope {@code all}, {@code l:LABEL}, {@code c:CATEGORY}) holds, per
 * article, {@code log(sum of w e^(lambda (t - L)) + prior e^(lambda (published - L)))} with a fixed landmark L.
 * Increments are added with log-add-exp in a script, atomically: the value grows by about {@code lambda} per
 * millisecond forever (about 3,000 a year for a 2-hour half-life), so it never overflows and no node ever needs to
 * rebase the landmark. Hash {@code P:reg} remembers what each article was registered with (publication, label,
 * category), {@code P:n} counts events ({@code TYPE:ID}), {@code P:d:HASH} are dedupe marks with an expiry,
 * {@code P:salt:PERIOD} the shared visitor-hash salt, {@code P:pins} and {@code P:blocks} the editor's choices.
 */
final class RedisKeys {

    /** Adds log-space increments: KEYS are sorted sets, ARGV holds (member, log increment) per key. */
    static final String ADD = """
            for i = 1, #KEYS do
              local m = ARGV[2 * i - 1]
              local v = tonumber(ARGV[2 * i])
              local s = redis.call('ZSCORE', KEYS[i], m)
              if s then
                s = tonumber(s)
                local hi, lo = math.max(s, v), math.min(s, v)
                v = hi + math.log(1 + math.exp(lo - hi))
              end
              redis.call('ZADD', KEYS[i], string.format('%.17g', v), m)
            end
            return #KEYS
            """;

    /**
     * Registers or updates an article once across all nodes: adds its recency prior (or swaps it when the publication
     * time changed) and moves its score between label and category sets. KEYS[1] the registry hash; ARGV: id,
     * "published-ms NL label NL category", key prefix, log prior ('' for none), landmark ms, then per window its
     * name and lambda per ms.
     */
    static final String REGISTER = """
            local reg, id, desc, prefix = KEYS[1], ARGV[1], ARGV[2], ARGV[3]
            local old = redis.call('HGET', reg, id)
            if old == desc then return 0 end
            local function parse(s)
              local pub, label, cat = string.match(s, '^(%-?%d+)\\n([^\\n]*)\\n(.*)$')
              return tonumber(pub), label, cat
            end
            local function lae(a, b)
              if not a then return b end
              if not b then return a end
              local hi, lo = math.max(a, b), math.min(a, b)
              return hi + math.log(1 + math.exp(lo - hi))
            end
            local logPrior, landmark = tonumber(ARGV[4]), tonumber(ARGV[5])
            local npub, nlabel, ncat = parse(desc)
            local opub, olabel, ocat
            if old then opub, olabel, ocat = parse(old) end
            for i = 6, #ARGV, 2 do
              local base = prefix .. ':z:' .. ARGV[i] .. ':'
              local lambda = tonumber(ARGV[i + 1])
              local s = redis.call('ZSCORE', base .. 'all', id)
              s = s and tonumber(s)
              if logPrior and (not old or opub ~= npub) then
                if old then
                  local op = logPrior + lambda * (opub - landmark)
                  if s and s > op then s = s + math.log(1 - math.exp(op - s)) else s = nil end
                end
                s = lae(s, logPrior + lambda * (npub - landmark))
              end
              if old and olabel ~= '' and olabel ~= nlabel then redis.call('ZREM', base .. 'l:' .. olabel, id) end
              if old and ocat ~= '' and ocat ~= ncat then redis.call('ZREM', base .. 'c:' .. ocat, id) end
              if s then
                local v = string.format('%.17g', s)
                redis.call('ZADD', base .. 'all', v, id)
                if nlabel ~= '' then redis.call('ZADD', base .. 'l:' .. nlabel, v, id) end
                if ncat ~= '' then redis.call('ZADD', base .. 'c:' .. ncat, v, id) end
              end
            end
            redis.call('HSET', reg, id, desc)
            return 1
            """;

    private final String prefix;

    RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    String scores(String window, Scope scope) {
        return prefix + ":z:" + window + ":" + scopeKey(scope);
    }

    static String scopeKey(Scope scope) {
        return switch (scope.kind()) {
            case ALL -> "all";
            case LABEL -> "l:" + scope.value();
            case CATEGORY -> "c:" + scope.value();
        };
    }

    String registry() {
        return prefix + ":reg";
    }

    String counts() {
        return prefix + ":n";
    }

    static String countField(EventType type, String articleId) {
        return type.ordinal() + ":" + articleId;
    }

    String dedupe(long key) {
        return prefix + ":d:" + Long.toHexString(key);
    }

    String salt(long period) {
        return prefix + ":salt:" + period;
    }

    String pins() {
        return prefix + ":pins";
    }

    String blocks() {
        return prefix + ":blocks";
    }

    /** What {@link #REGISTER} compares: publication, label, category, one per line. */
    static String description(ArticleMeta m) {
        return m.publishedAt().toEpochMilli() + "\n" + nullToEmpty(m.label()) + "\n" + nullToEmpty(m.siteCategory());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
