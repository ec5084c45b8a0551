package dev.newsdesk.classify;

import java.util.List;
import java.util.Map;

/**
 * How well a model did on data it was not trained on.
 *
 * @param evaluatedOn what the figures come from, e.g. {@code 5-fold cross-validation grouped by outlet}
 * @param documents how many documents were scored
 * @param accuracy share of documents labelled right
 * @param macroF1 unweighted mean of the per-label F1 over the labels present in the data
 * @param calibrationError expected calibration error of the top probability (10 bins)
 * @param labels label order of {@code confusion}
 * @param perLabel precision, recall, F1 and support per label
 * @param confusion rows: true label, columns: predicted label
 */
public record Metrics(
        String evaluatedOn,
        int documents,
        double accuracy,
        double macroF1,
        double calibrationError,
        List<String> labels,
        Map<String, LabelMetrics> perLabel,
        int[][] confusion) {

    /** Precision, recall, F1 and support of one label. */
    public record LabelMetrics(double precision, double recall, double f1, int support) {}

    public Metrics {
        labels = List.copyOf(labels);
        perLabel = Map.copyOf(perLabel);
    }
}
