package dev.newsdesk.system;

import dev.newsdesk.trending.Trending;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The trending engine as a bean (embedded or Redis, by {@code newsdesk.trending.backend}), and Redis health. */
@Configuration(proxyBeanMethods = false)
class TrendingConfiguration {

    @Bean(destroyMethod = "close")
    Trending trending(TrendingProperties properties, DataSettings data, Clock clock) {
        return Trending.open(properties.toSettings(data), clock);
    }

    /** {@code /actuator/health} component {@code redis}, when the Redis backend is on. */
    @Bean(name = "redis")
    @ConditionalOnProperty(name = "newsdesk.trending.backend", havingValue = "redis")
    RedisHealth redisHealth(TrendingProperties properties) {
        return new RedisHealth(properties.redisUri());
    }
}
