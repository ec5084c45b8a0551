package dev.newsdesk.deploy;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * What the nodes of a test share, as in production: PostgreSQL at 127.0.0.1:5432 (database {@code test}, user
 * {@code postgres}, trust auth) in a schema made for this run, and Redis at 127.0.0.1:6379 under a key prefix made for
 * this run. Both are removed on {@link #close()}. Fails, never skips, when either server is not there: CI starts them.
 */
final class SharedStores implements AutoCloseable {

    static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String REDIS_URI = "redis://127.0.0.1:6379";

    private final String schema;
    private final String redisPrefix;

    private SharedStores(String run) {
        this.schema = "newsdesk_nodes_" + run;
        this.redisPrefix = "newsdesk-test:" + run;
    }

    static SharedStores create() {
        SharedStores s =
                new SharedStores(UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        try (RedisClient client = redis()) {
            client.connect().sync().ping();
        } catch (RedisException e) {
            throw new AssertionError(
                    "the two-node test needs Redis at " + REDIS_URI + " (.ci/run starts it): " + e.getMessage(), e);
        }
        s.sql("CREATE SCHEMA " + s.schema);
        return s;
    }

    /** The settings that point a node at these stores. */
    List<String> settings() {
        return List.of(
                "--spring.datasource.url=" + POSTGRES_URL + "?currentSchema=" + schema,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--newsdesk.trending.backend=redis",
                "--newsdesk.trending.redis-uri=" + REDIS_URI,
                "--newsdesk.trending.redis-key-prefix=" + redisPrefix);
    }

    @Override
    public void close() {
        try {
            sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } finally {
            deleteRedisKeys();
        }
    }

    private void deleteRedisKeys() {
        try (RedisClient client = redis();
                StatefulRedisConnection<String, String> c = client.connect()) {
            RedisCommands<String, String> redis = c.sync();
            ScanArgs match = ScanArgs.Builder.matches(redisPrefix + ":*").limit(1000);
            KeyScanCursor<String> cursor = redis.scan(match);
            while (true) {
                if (!cursor.getKeys().isEmpty()) {
                    redis.unlink(cursor.getKeys().toArray(String[]::new));
                }
                if (cursor.isFinished()) {
                    break;
                }
                cursor = redis.scan(ScanCursor.of(cursor.getCursor()), match);
            }
        }
    }

    private static RedisClient redis() {
        RedisURI uri = RedisURI.create(REDIS_URI);
        uri.setTimeout(Duration.ofSeconds(5));
        return RedisClient.create(uri);
    }

    private void sql(String statement) {
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, "postgres", "")) {
            c.createStatement().execute(statement);
        } catch (SQLException e) {
            throw new AssertionError(
                    "the two-node test needs PostgreSQL at 127.0.0.1:5432 with database 'test' and user 'postgres'"
                            + " (trust auth; .ci/run starts it): " + e.getMessage(),
                    e);
        }
    }
}
