package dev.newsdesk.system;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** A PING to the trending Redis over one connection, opened on first use and again after a failure. */
final class RedisHealth implements HealthIndicator, DisposableBean {

    private final RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    RedisHealth(String uri) {
        RedisURI redis = RedisURI.create(uri);
        redis.setTimeout(Duration.ofSeconds(2));
        this.client = RedisClient.create(redis);
    }

    @Override
    public synchronized Health health() {
        try {
            if (connection == null || !connection.isOpen()) {
                connection = client.connect();
            }
            return Health.up().withDetail("ping", connection.sync().ping()).build();
        } catch (RuntimeException e) {
            if (connection != null) {
                connection.closeAsync();
                connection = null;
            }
            return Health.down()
                    .withDetail("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }

    @Override
    public synchronized void destroy() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
}
