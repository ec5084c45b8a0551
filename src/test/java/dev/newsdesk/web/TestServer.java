package dev.newsdesk.web;

import dev.newsdesk.support.TestModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Each test server gets its own data directory (H2 database, model directory) with the tiny model in
 * {@code models/}, known API keys and small limits, so limit tests stay cheap.
 */
final class TestServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String WRITE_KEY = "write-key-for-tests-0001";
    static final String ADMIN_KEY = "admin-key-for-tests-0001";
    static final int MAX_BODY = 256 * 1024;
    static final int MAX_BATCH = 5;
    static final int MAX_TEXT = 50_000;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            Path data = Files.createTempDirectory("newsdesk-test-");
            TestModels.write(data.resolve("models").resolve("first.ndm"), TestModels.FIRST);
            // lowest precedence, so a test class's own @TestPropertySource wins
            context.getEnvironment()
                    .getPropertySources()
                    .addLast(new MapPropertySource(
                            "newsdesk-test-server",
                            Map.of(
                                    "newsdesk.data.directory",
                                    data.toString(),
                                    "newsdesk.classify.watch-interval",
                                    "0",
                                    "newsdesk.security.write-keys",
                                    WRITE_KEY,
                                    "newsdesk.security.admin-keys",
                                    ADMIN_KEY,
                                    "newsdesk.http.max-body-size",
                                    MAX_BODY + "B",
                                    "newsdesk.http.max-batch-size",
                                    String.valueOf(MAX_BATCH),
                                    "newsdesk.http.cors-origins",
                                    "https://site.example",
                                    "newsdesk.classify.max-text-chars",
                                    String.valueOf(MAX_TEXT))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
