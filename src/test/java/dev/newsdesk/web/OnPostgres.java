package dev.newsdesk.web;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Points a test server at PostgreSQL on 127.0.0.1:5432 (database {@code test}, user {@code postgres}) in a schema of
 * its own, created here and dropped when the server stops. Fails, never skips, when PostgreSQL is not there.
 */
final class OnPostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String schema =
                "newsdesk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        TestPropertyValues.of(
                        "spring.datasource.url=" + URL + "?currentSchema=" + schema,
                        "spring.datasource.username=postgres",
                        "spring.datasource.password=")
                .applyTo(context);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                execute("DROP SCHEMA " + schema + " CASCADE");
            }
        });
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(URL, "postgres", "")) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL tests need a server at 127.0.0.1:5432 with database 'test' and user 'postgres' (trust"
                            + " auth); .ci/run starts one. It failed: " + e.getMessage(),
                    e);
        }
    }
}
