package dev.newsdesk.site;

import dev.newsdesk.classify.ModelFile;
import dev.newsdesk.support.TestCorpora;
import dev.newsdesk.training.Trainer;
import dev.newsdesk.training.TrainingProgress;
import dev.newsdesk.training.TrainingResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole service for the site tests: its own data directory (H2, so the demo is on by default), a model trained
 * on the tiny corpus with cross-validation (so the report has figures), a write key, a short beacon view delay.
 */
final class SiteServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String WRITE_KEY = "site-write-key-for-tests-0001";
    static final String SITE_ORIGIN = "https://site.example";

    private static TrainingResult model;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            Path data = Files.createTempDirectory("newsdesk-site-test-");
            TrainingResult r = trained();
            ModelFile.write(data.resolve("models").resolve("site.ndm"), r.card(), r.model());
            TestPropertyValues.of(
                            "newsdesk.data.directory=" + data,
                            "newsdesk.classify.watch-interval=0",
                            "newsdesk.security.write-keys=" + WRITE_KEY,
                            "newsdesk.http.cors-origins=" + SITE_ORIGIN,
                            "newsdesk.demo.view-after=300ms",
                            "newsdesk.trending.recency-prior=5",
                            "newsdesk.trending.windows.now=2h",
                            "newsdesk.trending.windows.today=12h",
                            "newsdesk.trending.windows.week=84h",
                            "newsdesk.demo.read-after=2s")
                    .applyTo(context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized TrainingResult trained() {
        if (model == null) {
            model = new Trainer(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
                    .train(TestCorpora.tinyCorpus(), TestCorpora.quick(3), TrainingProgress.NONE);
        }
        return model;
    }
}
