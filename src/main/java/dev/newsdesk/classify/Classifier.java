package dev.newsdesk.classify;

import dev.newsdesk.ingest.Article;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Labels articles with a loaded model: label, probabilities, evidence terms, and whether a person should look. */
public final class Classifier {

    private final LoadedModel loaded;
    private final Featurizer featurizer;
    private final ClassifierOptions options;
    /** The model compiled for scoring (with or without evidence); null for settings it does not cover. */
    private final CompiledScorer compiled;

    public Classifier(LoadedModel loaded, ClassifierOptions options) {
        this.loaded = loaded;
        this.featurizer = new Featurizer(loaded.model().featurizer());
        this.options = options;
        this.compiled = CompiledScorer.supports(loaded.model().featurizer())
                ? new CompiledScorer(loaded.model(), CharBlocksHolder.BEST)
                : null;
    }

    /** How text is read for scoring, for the log and bench-classify: the compiled path and its reader, or not. */
    public String scoringPath() {
        return compiled == null ? "featuriser (these settings are not compiled)" : "compiled, " + compiled.reader();
    }

    public ModelCard card() {
        return loaded.card();
    }

    public LoadedModel loaded() {
        return loaded;
    }

    public ClassifierOptions options() {
        return options;
    }

    public List<String> labels() {
        return loaded.card().labels();
    }

    /** Classifies an article, with evidence. */
    public Prediction classify(Article article) {
        return classify(article.title(), article.body(), true);
    }

    /** Classifies a title and body; {@code explain} adds the evidence terms (a little slower). */
    public Prediction classify(String title, String text, boolean explain) {
        check(title, text);
        LinearModel model = loaded.model();
        SparseVector x = null;
        Featurizer.Names names = null;
        double[] scores = null;
        if (compiled != null && explain) {
            CompiledScorer.Explained e = compiled.explain(title, text);
            if (e != null) {
                scores = e.scores();
                x = e.x();
                names = e.names();
            }
        } else if (compiled != null) {
            scores = compiled.scores(title, text);
        }
        if (scores == null) {
            Featurizer.TermCounts counts = explain ? featurizer.countNamed(title, text) : featurizer.count(title, text);
            x = featurizer.weigh(counts, model::idfOf);
            scores = model.scores(x);
            names = counts.names();
        }
        double[] p = model.probabilities(scores);
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (int c = 0; c < p.length; c++) {
            probabilities.put(model.labels()[c], p[c]);
        }
        List<Prediction.Evidence> evidence = explain ? evidence(model, x, names, best) : List.of();
        return new Prediction(
                model.labels()[best],
                p[best],
                probabilities,
                evidence,
                p[best] < options.minConfidence(),
                loaded.card().version());
    }

    /** The label index only: the fast path for bulk scoring and benchmarks. */
    public int predictIndex(String title, String text) {
        LinearModel model = loaded.model();
        double[] s = compiled == null ? null : compiled.scores(title, text);
        if (s == null) {
            s = model.scores(featurizer.weigh(featurizer.count(title, text), model::idfOf));
        }
        int best = 0;
        for (int c = 1; c < s.length; c++) {
            if (s[c] > s[best]) {
                best = c;
            }
        }
        return best;
    }

    /** The best character reader, chosen once per JVM. */
    private static final class CharBlocksHolder {
        static final CharBlocks BEST = CharBlocks.best();
    }

    /**
     * The features that pushed hardest toward {@code label} (weight against the mean of the other labels, times the
     * feature's value), strongest first. Only the features shown are named: naming every feature of an article cost
     * two and a half times as much as classifying it (bench-classify, session 5). Features that read the same (rare: a hash collision shows one name for
     * two terms) are shown once, with their pushes added.
     */
    private List<Prediction.Evidence> evidence(LinearModel model, SparseVector x, Featurizer.Names names, int label) {
        int k = model.k();
        int want = options.evidenceTerms();
        // the strongest few, kept sorted in small arrays: a handful more than shown, for names that repeat
        int room = want + 8;
        int[] top = new int[room];
        double[] pushes = new double[room];
        int held = 0;
        for (int i = 0; i < x.size(); i++) {
            int f = x.index()[i];
            double others = 0;
            for (int c = 0; c < k; c++) {
                if (c != label) {
                    others += model.weight(f, c);
                }
            }
            double push = x.value()[i] * (model.weight(f, label) - others / (k - 1));
            if (!(push > 0) || (held == room && push <= pushes[room - 1])) {
                continue;
            }
            int at = held < room ? held++ : room - 1;
            while (at > 0 && pushes[at - 1] < push) {
                top[at] = top[at - 1];
                pushes[at] = pushes[at - 1];
                at--;
            }
            top[at] = f;
            pushes[at] = push;
        }
        Map<String, Double> byTerm = new LinkedHashMap<>();
        for (int j = 0; j < held; j++) {
            String name = names.of(top[j]);
            if (name != null) {
                byTerm.merge(name, pushes[j], Double::sum);
            }
        }
        List<Prediction.Evidence> out = new ArrayList<>();
        byTerm.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(want)
                .forEach(e -> out.add(new Prediction.Evidence(e.getKey(), Math.round(e.getValue() * 1e4) / 1e4)));
        return out;
    }

    private void check(String title, String text) {
        int length = (title == null ? 0 : title.length()) + (text == null ? 0 : text.length());
        if ((title == null || title.isBlank()) && (text == null || text.isBlank())) {
            throw new TextRejectedException("text is empty: send the article's title or body");
        }
        if (length > options.maxTextChars()) {
            throw new TextRejectedException("text is " + length + " characters, over the limit of "
                    + options.maxTextChars() + ": send the article body only, or raise the limit");
        }
        int control = countControl(title) + countControl(text);
        if (control > 8 && control * 100L > length) {
            throw new TextRejectedException(
                    "text looks binary (" + control + " control or replacement characters): send plain text or HTML");
        }
    }

    private static int countControl(String s) {
        if (s == null) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 32 && c != '\n' && c != '\r' && c != '\t') || c == '\uFFFD' || c == 127) {
                n++;
            }
        }
        return n;
    }
}
