package dev.newsdesk.trending;

import java.time.Clock;

final class RedisEngine {
    static Engine connect(TrendingSettings settings, Clock clock) {
        throw new UnsupportedOperationException();
    }
}
