package dev.newsdesk.classify;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The trained parameters: per-feature IDF and a linear score per label, softmaxed with a temperature. Every learner
 * Newsdesk offers (logistic regression, maxent, naive Bayes) ends up in this form, so prediction is one sparse dot
 * product whichever won. Weights are interleaved per feature ({@code [idf, w_0 .. w_k-1]}) so a feature costs one
 * cache line.
 */
public record LinearModel(
        FeaturizerSettings featurizer, String[] labels, float[] table, float[] bias, float temperature)
        implements Serializable {

    public LinearModel {
        int k = labels.length;
        if (k < 2) {
            throw new IllegalArgumentException("a model needs at least two labels");
        }
        if (table.length != featurizer.dimensions() * (k + 1) || bias.length != k) {
            throw new IllegalArgumentException(
                    "weight table does not match " + k + " labels and " + featurizer.dimensions() + " dimensions");
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive");
        }
    }

    /** Builds the interleaved table from an IDF vector and weights {@code w[label][feature]}. */
    public static LinearModel of(
            FeaturizerSettings fs, List<String> labels, float[] idf, double[][] w, double[] bias, double temperature) {
        int k = labels.size();
        int d = fs.dimensions();
        float[] table = new float[d * (k + 1)];
        for (int f = 0; f < d; f++) {
            table[f * (k + 1)] = idf[f];
            for (int c = 0; c < k; c++) {
                table[f * (k + 1) + 1 + c] = (float) w[c][f];
            }
        }
        float[] b = new float[k];
        for (int c = 0; c < k; c++) {
            b[c] = (float) bias[c];
        }
        return new LinearModel(fs, labels.toArray(String[]::new), table, b, (float) temperature);
    }

    public int k() {
        return labels.length;
    }

    public float weight(int feature, int label) {
        return table[feature * (labels.length + 1) + 1 + label];
    }

    /** Raw linear scores of a weighted vector. */
    public double[] scores(SparseVector x) {
        int k = labels.length;
        int k1 = k + 1;
        double[] s = new double[k];
        for (int c = 0; c < k; c++) {
            s[c] = bias[c];
        }
        int[] idx = x.index();
        float[] val = x.value();
        for (int i = 0; i < idx.length; i++) {
            int base = idx[i] * k1 + 1;
            float v = val[i];
            for (int c = 0; c < k; c++) {
                s[c] += v * table[base + c];
            }
        }
        return s;
    }

    /** Probabilities: softmax of scores over the temperature. */
    public double[] probabilities(double[] scores) {
        double max = Arrays.stream(scores).max().orElse(0);
        double sum = 0;
        double[] p = new double[scores.length];
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.exp((scores[c] - max) / temperature);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    /** The IDF of a feature, read from the interleaved table. */
    public float idfOf(int feature) {
        return table[feature * (labels.length + 1)];
    }
}
