package dev.newsdesk.training;

import dev.newsdesk.classify.Classifier;
import dev.newsdesk.classify.Metrics;
import dev.newsdesk.classify.Prediction;
import dev.newsdesk.ingest.Article;
import java.util.List;

/** Scores a model on labelled articles it did not train on. */
public final class ModelEvaluation {

    private ModelEvaluation() {}

    public static Metrics evaluate(Classifier classifier, List<Article> docs, String evaluatedOn) {
        List<String> labels = classifier.labels();
        if (docs.isEmpty()) {
            throw new TrainingException("the evaluation set is empty");
        }
        int n = docs.size();
        int[] truth = new int[n];
        double[][] probabilities = new double[n][];
        for (int i = 0; i < n; i++) {
            Article a = docs.get(i);
            if (a.label() == null || a.label().isBlank()) {
                throw new TrainingException("document '" + a.id() + "' has no label; evaluation needs labelled data");
            }
            truth[i] = labels.indexOf(a.label());
            if (truth[i] < 0) {
                throw new TrainingException("document '" + a.id() + "' is labelled '" + a.label()
                        + "', which the model does not know (it knows " + labels + ")");
            }
        }
        java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
            Prediction p = classifier.classify(docs.get(i).title(), docs.get(i).body(), false);
            probabilities[i] =
                    labels.stream().mapToDouble(l -> p.probabilities().get(l)).toArray();
        });
        return Evaluator.evaluate(labels, truth, probabilities, evaluatedOn);
    }
}
