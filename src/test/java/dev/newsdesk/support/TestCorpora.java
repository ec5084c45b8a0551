package dev.newsdesk.support;

import dev.newsdesk.classify.FeaturizerSettings;
import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.Readers;
import dev.newsdesk.training.TrainingOptions;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test data: the tiny hand-written corpus, small training options, and the shared data sets beside the repo. */
public final class TestCorpora {

    private TestCorpora() {}

    /** 24 short articles written for the tests, 8 per label, with an {@code outlet} field of 4 values. */
    public static Path tinyCorpusPath() {
        try {
            return Path.of(
                    TestCorpora.class.getResource("/classify/tiny-corpus.jsonl").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Article> tinyCorpus() {
        return Readers.withDefaults().readCorpus(tinyCorpusPath());
    }

    /** Fast options for small corpora: 2^16 dimensions, no minimum document frequency, one learner. */
    public static TrainingOptions quick(int folds) {
        FeaturizerSettings fs = new FeaturizerSettings(16, true, true, true, true, 0.25f, 1, false, false, true);
        return new TrainingOptions("logreg", List.of(0.1), folds, null, 42L, 200, true, folds >= 2, fs, 0.6, false);
    }

    /** {@code ../shared/<relative>}; fails (never skips) when the shared data is not beside the project. */
    public static Path shared(String relative) {
        Path p = Path.of("..", "shared").resolve(relative);
        if (!Files.exists(p)) {
            throw new AssertionError("shared data missing: " + p.toAbsolutePath()
                    + " (CI clones the project with shared/ beside it; so must you)");
        }
        return p;
    }
}
