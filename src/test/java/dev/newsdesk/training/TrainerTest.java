package dev.newsdesk.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsdesk.classify.ModelCard;
import dev.newsdesk.classify.ModelFile;
import dev.newsdesk.ingest.Article;
import dev.newsdesk.support.TestCorpora;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

    private final Trainer trainer = new Trainer(Clock.fixed(Instant.parse("2026-02-01T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void refusesACorpusWithOneLabel() {
        List<Article> docs =
                TestCorpora.tinyCorpus().stream().map(a -> a.withLabel("News")).toList();
        assertThatThrownBy(() -> trainer.train(docs, TestCorpora.quick(0), TrainingProgress.NONE))
                .isInstanceOf(TrainingException.class)
                .hasMessage("the corpus has one label ('News'); a classifier needs at least two");
    }

    @Test
    void refusesALabelWithFewerThanFiveExamples() {
        List<Article> docs = new ArrayList<>(TestCorpora.tinyCorpus());
        docs.removeIf(a -> a.label().equals("Opinion"));
        docs.addAll(TestCorpora.tinyCorpus().stream()
                .filter(a -> a.label().equals("Opinion"))
                .limit(3)
                .toList());
        assertThatThrownBy(() -> trainer.train(docs, TestCorpora.quick(0), TrainingProgress.NONE))
                .isInstanceOf(TrainingException.class)
                .hasMessage("label 'Opinion' has 3 examples; each label needs at least 5");
    }

    @Test
    void refusesAnUnlabelledDocument() {
        List<Article> docs = new ArrayList<>(TestCorpora.tinyCorpus());
        docs.add(Article.of("stray", "A title", "A body"));
        assertThatThrownBy(() -> trainer.train(docs, TestCorpora.quick(0), TrainingProgress.NONE))
                .isInstanceOf(TrainingException.class)
                .hasMessageContaining("'stray' has no label");
    }

    @Test
    void groupedFoldsKeepEveryGroupInOneFold() {
        List<Article> docs = TestCorpora.tinyCorpus();
        int[] y = new int[docs.size()];
        int[] fold = Folds.assign(docs, y, 4, "outlet", 7);
        Map<String, Integer> foldOfOutlet = new HashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            Integer before = foldOfOutlet.putIfAbsent(docs.get(i).field("outlet"), fold[i]);
            assertThat(before == null || before == fold[i]).isTrue();
        }
        assertThat(IntStream.of(fold).distinct().count()).isEqualTo(4);
    }

    @Test
    void refusesGroupingWithFewerGroupsThanFolds() {
        assertThatThrownBy(() -> trainer.train(
                        TestCorpora.tinyCorpus(),
                        TestCorpora.quick(5).with("logreg", List.of(0.1), 5, "outlet", 1),
                        TrainingProgress.NONE))
                .isInstanceOf(TrainingException.class)
                .hasMessageContaining("gives 4 groups, fewer than 5 folds");
    }

    @Test
    void crossValidationRecordsHeldOutMetricsAndEveryCandidate() {
        TrainingOptions o = TestCorpora.quick(3).with("auto", List.of(0.1, 1.0), 3, null, 42);
        TrainingResult r = trainer.train(TestCorpora.tinyCorpus(), o, TrainingProgress.NONE);
        assertThat(r.card().candidates()).hasSize(4);
        assertThat(r.card().metrics().documents()).isEqualTo(24);
        assertThat(r.card().metrics().evaluatedOn()).contains("3-fold");
        assertThat(r.card().metrics().calibrationError()).isBetween(0.0, 1.0);
        assertThat(r.card().algorithm()).isIn(r.card().candidates().keySet());
        assertThat(r.card().candidates().get(r.card().algorithm()))
                .isEqualTo(r.card().candidates().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .max()
                        .orElseThrow());
    }

    @Test
    void trainingTwiceGivesTheSameWeightsAndMetrics(@TempDir Path dir) {
        TrainingOptions o = TestCorpora.quick(3);
        TrainingResult a = trainer.train(TestCorpora.tinyCorpus(), o, TrainingProgress.NONE);
        TrainingResult b = trainer.train(TestCorpora.tinyCorpus(), o, TrainingProgress.NONE);
        ModelCard ca = ModelFile.write(dir.resolve("a.ndm"), a.card(), a.model());
        ModelCard cb = ModelFile.write(dir.resolve("b.ndm"), b.card(), b.model());
        assertThat(ca.payloadSha256()).isEqualTo(cb.payloadSha256());
        assertThat(ca.metrics().macroF1()).isEqualTo(cb.metrics().macroF1());
        assertThat(ca.corpusSha256()).isEqualTo(cb.corpusSha256());
    }

    @Test
    void balancingRepeatsRareLabelsToMatchTheLargest() {
        int[] y = {0, 0, 0, 0, 0, 0, 1, 1, 1, 2};
        int[] rows = IntStream.range(0, y.length).toArray();
        int[] out = Trainer.balanced(rows, y, 3, true);
        int[] per = new int[3];
        for (int i : out) {
            per[y[i]]++;
        }
        assertThat(per).containsExactly(6, 6, 6);
    }
}
