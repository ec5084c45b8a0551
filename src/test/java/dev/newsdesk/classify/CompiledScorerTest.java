package dev.newsdesk.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.IngestLimits;
import dev.newsdesk.ingest.Readers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CompiledScorerTest {

    private static final LoadedModel BUNDLED = ModelFile.load(Path.of("src/main/resources/model/newsdesk-default.ndm"));

    private static final List<String> LABELS = List.of("Crime", "News", "Opinion");
    private static final CharBlocks PLAIN = new ScalarCharBlocks();
    private static final CharBlocks VECTOR = new VectorCharBlocks();

    /** Words and pieces that reach every branch of the token rule: cues, quotes, numbers, long and foreign words. */
    private static final String[] PIECES = {
        "the",
        "The",
        "police",
        "Police",
        "said",
        "SAID",
        "we",
        "We",
        "our",
        "you",
        "should",
        "must",
        "I",
        "me",
        "according",
        "yourselves",
        "disclosed",
        "arrested",
        "suspects",
        "court",
        "minister",
        "budget",
        "Lagos",
        "Abuja",
        "governance",
        "internationalisation",
        "antidisestablishmentarianism",
        "pneumonoultramicroscopicsilicovolcanoconiosisxyz",
        "caf\u00e9",
        "Caf\u00c9",
        "na\u00efve",
        "\u00c9cole",
        "\u00fcber",
        "\u0130stanbul",
        "\u0663\u0664",
        "2026",
        "7",
        "1,500",
        "N50,000",
        "12345678",
        "3.5",
        "\u201c",
        "\u201d",
        "\u201e",
        "\"",
        "\"\"",
        "\"\"\"",
        "'",
        "\u2019",
        "\u2018",
        "?",
        "??",
        "!",
        "!?",
        ".",
        "...",
        ":",
        "-",
        "\u2013",
        "\u2014",
        "(",
        ")",
        "\n",
        "\n\n",
        "\t",
        "\u00a0",
        "\u2028",
        "\ufb01nal",
        "\u00bd",
        "\uff21\uff22",
        "e\u0301",
        "\u2126",
        "x\u00b2",
        "\ud83d\ude00",
        "don\u2019t",
        "it's",
        "U.S.",
        "a1b2c3",
        "ABCDEFGHIJKLMNOP",
        "abcdefghijklmnopq",
        "abcdefgh",
        "abcdefghi"
    };

    @Test
    void theBundledModelScoresTheProjectsCorpusExactlyAsTheFeaturiserDoes() {
        List<Article> corpus = new Readers(IngestLimits.DEFAULT).readCorpus(Path.of("training/corpus"));
        assertThat(corpus).hasSizeGreaterThan(500);
        LinearModel model = BUNDLED.model();
        assertThat(CompiledScorer.supports(model.featurizer())).isTrue();
        for (CharBlocks blocks : List.of(PLAIN, VECTOR)) {
            CompiledScorer compiled = new CompiledScorer(model, blocks);
            for (Article a : corpus) {
                assertThat(compiled.scores(a.title(), a.body()))
                        .as("%s, %s", blocks.name(), a.title())
                        .containsExactly(reference(model, a.title(), a.body()));
            }
        }
    }

    @Test
    void everySupportedSettingScoresMadeUpTextsExactlyAsTheFeaturiserDoes() {
        SplittableRandom random = new SplittableRandom(11);
        List<FeaturizerSettings> settings = List.of(
                FeaturizerSettings.DEFAULT,
                new FeaturizerSettings(12, false, true, true, true, 0.25f, 2, false, false, true),
                new FeaturizerSettings(16, false, false, true, true, 0.5f, 2, false, false, false),
                new FeaturizerSettings(14, false, true, false, true, 0.25f, 2, false, false, true),
                new FeaturizerSettings(18, false, true, true, false, 0.25f, 2, false, false, true),
                new FeaturizerSettings(20, false, true, true, true, 1f, 2, false, false, true));
        for (FeaturizerSettings s : settings) {
            LinearModel model = randomModel(s, random);
            CompiledScorer plain = new CompiledScorer(model, PLAIN);
            CompiledScorer vector = new CompiledScorer(model, VECTOR);
            for (int i = 0; i < 400; i++) {
                String title = i % 7 == 0 ? null : i % 11 == 0 ? "" : text(random, 1 + random.nextInt(12));
                String body = i % 13 == 0 ? "  \n " : text(random, random.nextInt(i % 5 == 0 ? 1500 : 200));
                double[] expected = reference(model, title, body);
                assertThat(plain.scores(title, body))
                        .as("%s %s | %s", s, title, body)
                        .containsExactly(expected);
                assertThat(vector.scores(title, body))
                        .as("%s %s | %s", s, title, body)
                        .containsExactly(expected);
            }
        }
    }

    @Test
    void explainingGivesTheFeaturisersWeightedVectorAndNames() {
        SplittableRandom random = new SplittableRandom(17);
        for (FeaturizerSettings s : List.of(
                FeaturizerSettings.DEFAULT,
                new FeaturizerSettings(16, false, false, true, true, 0.5f, 2, false, false, false),
                new FeaturizerSettings(14, false, true, false, false, 0.25f, 2, false, false, true))) {
            LinearModel model = randomModel(s, random);
            Featurizer f = new Featurizer(s);
            for (CharBlocks blocks : List.of(PLAIN, VECTOR)) {
                CompiledScorer compiled = new CompiledScorer(model, blocks);
                for (int i = 0; i < 300; i++) {
                    String title = i % 7 == 0 ? null : text(random, 1 + random.nextInt(12));
                    String body = i % 13 == 0 ? "" : text(random, random.nextInt(i % 5 == 0 ? 1500 : 200));
                    Featurizer.TermCounts counts = f.countNamed(title, body);
                    SparseVector expected = f.weigh(counts, model::idfOf);
                    CompiledScorer.Explained e = compiled.explain(title, body);
                    assertThat(e.scores()).containsExactly(model.scores(expected));
                    assertThat(e.x().index()).as("%s | %s", title, body).containsExactly(expected.index());
                    assertThat(e.x().value()).as("%s | %s", title, body).containsExactly(expected.value());
                    for (int feature : expected.index()) {
                        assertThat(e.names().of(feature))
                                .as("name of %d in %s | %s", feature, title, body)
                                .isEqualTo(counts.names().of(feature));
                    }
                }
            }
        }
    }

    @Test
    void aWorkspaceThatOutgrowsItsWordCacheStillScoresExactly() {
        LinearModel model = randomModel(FeaturizerSettings.DEFAULT, new SplittableRandom(3));
        CompiledScorer compiled = new CompiledScorer(model, VECTOR);
        SplittableRandom random = new SplittableRandom(5);
        // some 90,000 distinct made-up words: the cache (room for 65,536) clears once on the way
        for (int doc = 0; doc < 300; doc++) {
            StringBuilder body = new StringBuilder();
            for (int w = 0; w < 300; w++) {
                for (int c = 3 + random.nextInt(8); c > 0; c--) {
                    body.append((char) ('a' + random.nextInt(26)));
                }
                body.append(w % 9 == 0 ? ". " : " ");
            }
            body.append(text(random, 80));
            String text = body.toString();
            assertThat(compiled.scores("Title " + doc, text)).containsExactly(reference(model, "Title " + doc, text));
        }
    }

    @Test
    void settingsWithWordPairsOrMaskedNamesOrBinaryWeightsAreLeftToTheFeaturiser() {
        assertThat(CompiledScorer.supports(FeaturizerSettings.DEFAULT)).isTrue();
        assertThat(CompiledScorer.supports(
                        new FeaturizerSettings(18, true, true, true, true, 0.25f, 2, false, false, true)))
                .isFalse();
        assertThat(CompiledScorer.supports(
                        new FeaturizerSettings(18, false, true, true, true, 0.25f, 2, false, true, true)))
                .isFalse();
        assertThat(CompiledScorer.supports(
                        new FeaturizerSettings(18, false, true, true, true, 0.25f, 2, true, false, true)))
                .isFalse();
        LinearModel pairs = randomModel(
                new FeaturizerSettings(16, true, true, true, true, 0.25f, 2, false, false, true),
                new SplittableRandom(1));
        Classifier classifier = new Classifier(loaded(pairs), ClassifierOptions.DEFAULT);
        assertThat(classifier.scoringPath()).startsWith("featuriser");
        assertThat(classifier
                        .classify("Budget passed", "The Senate passed the budget.", false)
                        .label())
                .isIn(LABELS);
    }

    @Test
    void aTextOverTheCompiledLimitIsScoredByTheFeaturiserWithTheSameResult() {
        LinearModel model = randomModel(FeaturizerSettings.DEFAULT, new SplittableRandom(9));
        CompiledScorer compiled = new CompiledScorer(model, VECTOR);
        String huge = "the police said ".repeat(CompiledScorer.MAX_LENGTH / 16 + 1);
        assertThat(compiled.scores("t", huge)).isNull();
        // texts that grow the kept buffers, and one past them that gets buffers of its own, then a short one again
        SplittableRandom random = new SplittableRandom(4);
        for (int pieces : new int[] {2_000, 9_000, 30_000, 300}) {
            String body = text(random, pieces);
            assertThat(compiled.scores("t", body)).containsExactly(reference(model, "t", body));
        }
        Classifier classifier = new Classifier(loaded(model), new ClassifierOptions(0.6, 1 << 22, 10));
        Prediction p = classifier.classify("t", huge, false);
        double[] expected = model.probabilities(reference(model, "t", huge));
        assertThat(p.probabilities().get(p.label())).isEqualTo(expected[LABELS.indexOf(p.label())]);
    }

    @Test
    void classifyWithoutEvidenceGivesTheProbabilitiesOfTheFeaturiserPath() {
        LinearModel model = randomModel(FeaturizerSettings.DEFAULT, new SplittableRandom(21));
        Classifier classifier = new Classifier(loaded(model), ClassifierOptions.DEFAULT);
        assertThat(classifier.scoringPath()).startsWith("compiled");
        String title = "Gunmen kidnap \u201cthree\u201d in Lagos";
        String body =
                "Police said on Monday that 3 suspects were arrested. \u201cWe must act,\u201d the governor said.";
        Prediction fast = classifier.classify(title, body, false);
        Prediction explained = classifier.classify(title, body, true);
        assertThat(fast.probabilities()).isEqualTo(explained.probabilities());
        assertThat(fast.label()).isEqualTo(explained.label());
        assertThat(classifier.predictIndex(title, body)).isEqualTo(LABELS.indexOf(fast.label()));
    }

    private static final java.util.Map<FeaturizerSettings, Featurizer> FEATURIZERS = new java.util.HashMap<>();

    /** The featuriser path's scores: what the compiled path must give. */
    private static double[] reference(LinearModel model, String title, String body) {
        Featurizer f = FEATURIZERS.computeIfAbsent(model.featurizer(), Featurizer::new);
        return model.scores(f.weigh(f.count(title, body), model::idfOf));
    }

    /** A made-up model under the bundled model's card, whose labels are the same three. */
    private static LoadedModel loaded(LinearModel model) {
        assertThat(BUNDLED.card().labels()).isEqualTo(LABELS);
        return new LoadedModel(BUNDLED.card(), model);
    }

    /** A model with random weights and an IDF of 0 (an unseen feature) for about a third of the features. */
    private static LinearModel randomModel(FeaturizerSettings s, SplittableRandom random) {
        int d = s.dimensions();
        float[] idf = new float[d];
        double[][] w = new double[LABELS.size()][d];
        for (int f = 0; f < d; f++) {
            idf[f] = random.nextInt(3) == 0 ? 0f : (float) (1 + random.nextDouble() * 5);
            for (int c = 0; c < LABELS.size(); c++) {
                w[c][f] = random.nextGaussian();
            }
        }
        return LinearModel.of(s, LABELS, idf, w, new double[] {0.1, -0.2, 0.05}, 1.3);
    }

    private static String text(SplittableRandom random, int pieces) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < pieces; i++) {
            parts.add(PIECES[random.nextInt(PIECES.length)]);
        }
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            b.append(p);
            if (random.nextInt(4) != 0) {
                b.append(' ');
            }
        }
        return b.toString();
    }
}
