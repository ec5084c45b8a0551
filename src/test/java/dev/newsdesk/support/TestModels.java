package dev.newsdesk.support;

import dev.newsdesk.classify.ModelCard;
import dev.newsdesk.classify.ModelFile;
import dev.newsdesk.training.Trainer;
import dev.newsdesk.training.TrainingProgress;
import dev.newsdesk.training.TrainingResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Model files trained on the tiny corpus; the training time sets the version, so two times give two versions. */
public final class TestModels {

    /** The version every test server starts with. */
    public static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");

    /** A later training run: same data, another version. */
    public static final Instant SECOND = Instant.parse("2026-02-01T00:00:00Z");

    private static final ConcurrentMap<Instant, TrainingResult> TRAINED = new ConcurrentHashMap<>();

    private TestModels() {}

    /** Writes the tiny model trained "at" {@code when} to {@code file}; returns its card. */
    public static ModelCard write(Path file, Instant when) {
        TrainingResult r = TRAINED.computeIfAbsent(when, TestModels::train);
        return ModelFile.write(file, r.card(), r.model());
    }

    private static TrainingResult train(Instant when) {
        return new Trainer(Clock.fixed(when, ZoneOffset.UTC))
                .train(TestCorpora.tinyCorpus(), TestCorpora.quick(0), TrainingProgress.NONE);
    }
}
