package dev.newsdesk.training;

import dev.newsdesk.classify.Metrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns true labels and predicted probabilities into {@link Metrics}. */
public final class Evaluator {

    private Evaluator() {}

    /**
     * @param labels label names, index order
     * @param truth true label index per document
     * @param probabilities predicted probabilities per document
     */
    public static Metrics evaluate(List<String> labels, int[] truth, double[][] probabilities, String evaluatedOn) {
        int k = labels.size();
        int n = truth.length;
        int[][] confusion = new int[k][k];
        int correct = 0;
        int bins = 10;
        double[] binConfidence = new double[bins];
        double[] binCorrect = new double[bins];
        int[] binCount = new int[bins];
        for (int i = 0; i < n; i++) {
            int best = argmax(probabilities[i]);
            confusion[truth[i]][best]++;
            boolean right = best == truth[i];
            if (right) {
                correct++;
            }
            double conf = probabilities[i][best];
            int b = Math.min(bins - 1, (int) (conf * bins));
            binConfidence[b] += conf;
            binCorrect[b] += right ? 1 : 0;
            binCount[b]++;
        }
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (binCount[b] > 0) {
                ece += Math.abs(binConfidence[b] - binCorrect[b]) / n;
            }
        }
        Map<String, Metrics.LabelMetrics> per = new LinkedHashMap<>();
        double f1Sum = 0;
        int present = 0;
        for (int c = 0; c < k; c++) {
            int tp = confusion[c][c];
            int predicted = 0;
            int actual = 0;
            for (int j = 0; j < k; j++) {
                predicted += confusion[j][c];
                actual += confusion[c][j];
            }
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = actual == 0 ? 0 : (double) tp / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            per.put(labels.get(c), new Metrics.LabelMetrics(round(precision), round(recall), round(f1), actual));
            // macro-F1 averages the labels the data holds: a set with no Opinion rows is not scored 0 for Opinion
            if (actual > 0) {
                f1Sum += f1;
                present++;
            }
        }
        return new Metrics(
                evaluatedOn,
                n,
                round(n == 0 ? 0 : (double) correct / n),
                round(present == 0 ? 0 : f1Sum / present),
                round(ece),
                labels,
                per,
                confusion);
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
