package dev.newsdesk.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.classify.Classifier;
import dev.newsdesk.classify.ClassifierOptions;
import dev.newsdesk.classify.LoadedModel;
import dev.newsdesk.classify.Metrics;
import dev.newsdesk.classify.ModelCard;
import dev.newsdesk.classify.ModelFile;
import dev.newsdesk.ingest.Readers;
import dev.newsdesk.support.TestCorpora;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model shipped in the jar: trained only on training/corpus, reproducibly, and good on data it never saw. */
class BundledModelTest {

    static LoadedModel bundled;
    static Classifier classifier;

    @BeforeAll
    static void load() {
        bundled = ModelFile.loadBundled();
        classifier = new Classifier(bundled, ClassifierOptions.DEFAULT);
    }

    @Test
    void predictsTheThreeDeskLabels() {
        assertThat(bundled.card().labels()).containsExactly("Crime", "News", "Opinion");
    }

    @Test
    void heldOutSplitOfTheCorpusScoresAboveTheFloor() {
        Metrics m = ModelEvaluation.evaluate(
                classifier, Readers.withDefaults().readCorpus(Path.of("training", "heldout")), "held out");
        assertThat(m.documents()).isGreaterThanOrEqualTo(290);
        assertThat(m.macroF1()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void realArticlesFromOutletsItNeverSawScoreAboveTheFloor() {
        Metrics m = ModelEvaluation.evaluate(
                classifier,
                Readers.withDefaults().readCorpus(TestCorpora.shared("corpora/allsides-dev.jsonl")),
                "allsides-dev");
        // The bar; the bundled model reaches 0.825 (BENCHMARKS.md)
        assertThat(m.macroF1()).as("macro-F1 on allsides-dev").isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void labelsTheSeedListingPageAsItsSiteCategoriesSay() throws Exception {
        try (var in = java.nio.file.Files.newInputStream(TestCorpora.shared("seeds/000_9c51f1a822936595.txt"))) {
            var page = Readers.withDefaults().readPage(in, "listing seed");
            assertThat(page.articles()).hasSize(4);
            assertThat(page.articles().stream().map(a -> classifier.classify(a).label()))
                    .containsExactly("News", "Crime", "Crime", "News");
        }
    }

    @Test
    void retrainingFromTheCorpusReproducesTheBundledWeights(@TempDir Path dir) {
        ModelCard card = bundled.card();
        TrainingOptions options = TrainingOptions.fromCard(card.options(), card.featurizer(), card.seed());
        TrainingResult again = new Trainer(Clock.systemUTC())
                .train(
                        Readers.withDefaults().readCorpus(Path.of("training", "corpus")),
                        options,
                        TrainingProgress.NONE);
        ModelCard sealed = ModelFile.write(dir.resolve("again.ndm"), again.card(), again.model());
        assertThat(sealed.corpusSha256())
                .as("the corpus the bundled model was trained on")
                .isEqualTo(card.corpusSha256());
        assertThat(sealed.payloadSha256()).as("weights checksum").isEqualTo(card.payloadSha256());
        assertThat(sealed.metrics()).usingRecursiveComparison().isEqualTo(card.metrics());
    }
}
