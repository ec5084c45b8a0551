package dev.newsdesk.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.classify.Classifier;
import dev.newsdesk.classify.ClassifierOptions;
import dev.newsdesk.classify.LoadedModel;
import dev.newsdesk.classify.Metrics;
import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.Readers;
import dev.newsdesk.support.TestCorpora;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The learner's quality gate: trained on some outlets of real news, scored on outlets it never saw. */
class ModelQualityTest {

    @Test
    void macroF1OnUnseenOutletsStaysAboveTheFloor() {
        List<Article> docs = Readers.withDefaults().readCorpus(TestCorpora.shared("corpora/allsides-dev.jsonl"));
        int[] fold = Trainer.assignFolds(docs, 5, "outlet", 42);
        List<Article> train = new ArrayList<>();
        List<Article> test = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            (fold[i] == 0 ? test : train).add(docs.get(i));
        }
        assertThat(test.stream().map(a -> a.field("outlet")).distinct())
                .doesNotContainAnyElementsOf(
                        train.stream().map(a -> a.field("outlet")).distinct().toList());
        TrainingOptions options = TrainingOptions.DEFAULT
                .with("logreg", List.of(1.0), 0, null, 42)
                .withShortViews(false);
        TrainingResult r = new Trainer(Clock.systemUTC()).train(train, options, TrainingProgress.NONE);
        Classifier classifier = new Classifier(new LoadedModel(r.card(), r.model()), ClassifierOptions.DEFAULT);
        Metrics m = ModelEvaluation.evaluate(classifier, test, "unseen outlets");
        assertThat(m.documents()).isGreaterThan(500);
        assertThat(m.macroF1()).as("macro-F1 on unseen outlets").isGreaterThanOrEqualTo(0.80);
        // trained without cross-validation there is no temperature to fit; the raw probabilities still must not be wild
        assertThat(m.calibrationError()).as("calibration error").isLessThan(0.20);
    }
}
