package dev.newsdesk.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.Readers;
import dev.newsdesk.support.TestCorpora;
import dev.newsdesk.training.Trainer;
import dev.newsdesk.training.TrainingProgress;
import dev.newsdesk.training.TrainingResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierTest {

    static LoadedModel model;

    @BeforeAll
    static void trainTinyModel() {
        TrainingResult r = new Trainer(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
                .train(TestCorpora.tinyCorpus(), TestCorpora.quick(0), TrainingProgress.NONE);
        model = new LoadedModel(r.card().withPayloadSha256("unsealed"), r.model());
    }

    private static Classifier classifier(double minConfidence) {
        return new Classifier(model, ClassifierOptions.DEFAULT.withMinConfidence(minConfidence));
    }

    @Test
    void tinyCorpusPredictsTheObviousLabel() {
        Classifier c = classifier(0.0);
        assertThat(c.classify(
                                "Two robbery suspects arrested",
                                "Police arrested two suspects after the robbery and charged them in court.",
                                false)
                        .label())
                .isEqualTo("Crime");
        assertThat(c.classify(
                                "We must act",
                                "I believe we should demand better from our leaders. Why must we wait?",
                                false)
                        .label())
                .isEqualTo("Opinion");
        assertThat(c.classify(
                                "Budget passed",
                                "The Senate passed the budget on Monday, the minister said, after a debate on health spending.",
                                false)
                        .label())
                .isEqualTo("News");
    }

    @Test
    void evidenceListsTheStrongestTermsAsNamingEveryFeatureWould() {
        // the classifier names only the features it shows; the reference names all of them, then ranks
        Classifier bundled = new Classifier(ModelFile.loadBundled(), ClassifierOptions.DEFAULT);
        LinearModel m = bundled.loaded().model();
        Featurizer f = new Featurizer(m.featurizer());
        List<Article> articles = Readers.withDefaults().readCorpus(Path.of("training", "heldout"));
        for (Article a : articles.subList(0, 60)) {
            Prediction p = bundled.classify(a);
            int label = m.labels().length;
            while (!m.labels()[--label].equals(p.label())) {}
            Featurizer.TermCounts counts = f.countNamed(a.title(), a.body());
            SparseVector x = f.weigh(counts, m::idfOf);
            Map<String, Double> byName = new HashMap<>();
            for (int i = 0; i < x.size(); i++) {
                int feature = x.index()[i];
                double others = 0;
                for (int c = 0; c < m.k(); c++) {
                    others += c == label ? 0 : m.weight(feature, c);
                }
                double push = x.value()[i] * (m.weight(feature, label) - others / (m.k() - 1));
                if (push > 0) {
                    byName.merge(counts.names().of(feature), push, Double::sum);
                }
            }
            List<String> expected = byName.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .limit(ClassifierOptions.DEFAULT.evidenceTerms())
                    .map(Map.Entry::getKey)
                    .toList();
            assertThat(p.evidence()).extracting(Prediction.Evidence::term).isEqualTo(expected);
        }
    }

    @Test
    void probabilitiesSumToOneInModelLabelOrder() {
        Prediction p = classifier(0).classify("Police arrest suspects", "Officers arrested the suspects.", true);
        assertThat(p.probabilities()).containsOnlyKeys("Crime", "News", "Opinion");
        assertThat(p.probabilities().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p.confidence()).isEqualTo(p.probabilities().get(p.label()));
    }

    @Test
    void evidenceNamesTheWordsBehindTheLabel() {
        Prediction p = classifier(0)
                .classify(
                        "Suspects arrested",
                        "Police arrested the robbery suspects and detectives recovered a pistol.",
                        true);
        assertThat(p.label()).isEqualTo("Crime");
        assertThat(p.evidence()).isNotEmpty();
        assertThat(p.evidence())
                .extracting(Prediction.Evidence::term)
                .anyMatch(t -> t.contains("police") || t.contains("arrested") || t.contains("suspects"));
        assertThat(p.evidence())
                .extracting(Prediction.Evidence::weight)
                .allMatch(w -> w > 0)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void lowConfidenceNeedsReview() {
        String text = "The meeting took place.";
        assertThat(classifier(0.99).classify("", text, false).needsReview()).isTrue();
        assertThat(classifier(0.0).classify("", text, false).needsReview()).isFalse();
    }

    @Test
    void savedAndLoadedModelGivesIdenticalPredictions(@TempDir Path dir) {
        Path file = dir.resolve("tiny.ndm");
        ModelCard sealed = ModelFile.write(file, model.card(), model.model());
        LoadedModel back = ModelFile.load(file);
        assertThat(back.card()).isEqualTo(sealed);
        Classifier before = classifier(0.5);
        Classifier after = new Classifier(back, ClassifierOptions.DEFAULT.withMinConfidence(0.5));
        for (var a : TestCorpora.tinyCorpus()) {
            Prediction p = before.classify(a.title(), a.body(), true);
            Prediction q = after.classify(a.title(), a.body(), true);
            assertThat(q.probabilities()).isEqualTo(p.probabilities());
            assertThat(q.evidence()).isEqualTo(p.evidence());
        }
    }

    @Test
    void rejectsEmptyText() {
        assertThatThrownBy(() -> classifier(0).classify("  ", "\n", false))
                .isInstanceOf(TextRejectedException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void rejectsTenMegabyteText() {
        String huge = "word ".repeat(2_000_000);
        assertThatThrownBy(() -> classifier(0).classify("t", huge, false))
                .isInstanceOf(TextRejectedException.class)
                .hasMessageContaining("over the limit of 1000000");
    }

    @Test
    void rejectsBinaryText() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4000; i++) {
            sb.append((char) (i % 32));
        }
        assertThatThrownBy(() -> classifier(0).classify("", sb.toString(), false))
                .isInstanceOf(TextRejectedException.class)
                .hasMessageContaining("binary");
    }

    @Test
    void featurisationIsDeterministic() {
        Featurizer a = new Featurizer(FeaturizerSettings.DEFAULT);
        Featurizer b = new Featurizer(FeaturizerSettings.DEFAULT);
        String text =
                "Police in Kano said on Sunday that 107 suspected thugs were intercepted. \"We are on top of it,\" he said.";
        var x = a.count("Thugs intercepted", text);
        var y = b.count("Thugs intercepted", text);
        assertThat(sorted(x.index(), x.count())).isEqualTo(sorted(y.index(), y.count()));
        assertThat(x.cueIndex()).isEqualTo(y.cueIndex());
    }

    private static java.util.Map<Integer, Float> sorted(int[] idx, float[] val) {
        java.util.Map<Integer, Float> m = new java.util.TreeMap<>();
        for (int i = 0; i < idx.length; i++) {
            m.put(idx[i], val[i]);
        }
        return m;
    }
}
