package dev.newsdesk.system;

import dev.newsdesk.trending.Trending;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The trending engine as a bean (embedded or Redis, by {@code newsdesk.trending.backend}), its gauges, and Redis
 * health.
 */
@Configuration(proxyBeanMethods = false)
class TrendingConfiguration {

    @Bean(destroyMethod = "close")
    Trending trending(TrendingProperties properties, DataSettings data, Clock clock) {
        return Trending.open(properties.toSettings(data), clock);
    }

    /**
     * {@code newsdesk.trending.articles} (registered with this node's engine) and, embedded, {@code
     * newsdesk.trending.log.bytes}: the event log on disk, which checkpoints keep to a few segments. Both read the
     * engine's stats, so they hold on to the engine bean, not to anything of their own a GC could take.
     */
    @Bean
    MeterBinder trendingGauges(Trending trending, TrendingProperties properties) {
        return registry -> {
            Gauge.builder("newsdesk.trending.articles", trending, t -> t.stats().articles())
                    .description("Articles registered with this node's trending engine")
                    .register(registry);
            if (!properties.redis()) {
                Gauge.builder("newsdesk.trending.log", trending, t -> t.stats().logBytes())
                        .baseUnit("bytes")
                        .description("The embedded trending event log on disk")
                        .register(registry);
            }
        };
    }

    /** {@code /actuator/health} component {@code redis}, when the Redis backend is on. */
    @Bean(name = "redis")
    @ConditionalOnProperty(name = "newsdesk.trending.backend", havingValue = "redis")
    RedisHealth redisHealth(TrendingProperties properties) {
        return new RedisHealth(properties.redisUri());
    }
}
