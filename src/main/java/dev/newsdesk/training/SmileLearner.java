package dev.newsdesk.training;

import dev.newsdesk.classify.Featurizer;
import dev.newsdesk.classify.FeaturizerSettings;
import dev.newsdesk.classify.LinearModel;
import dev.newsdesk.classify.SparseVector;
import java.util.ArrayList;
import java.util.List;
import smile.classification.LogisticRegression;
import smile.classification.Maxent;
import smile.classification.SparseLogisticRegression;
import smile.data.SampleInstance;
import smile.data.SparseDataset;
import smile.util.SparseArray;

/**
 * Fits one candidate with Smile and lifts its coefficients into a {@link LinearModel}. Smile's multinomial models
 * keep {@code k-1} weight rows (the last label is the reference, scored 0) with the intercept in column {@code p}.
 */
final class SmileLearner {

    /** A learner and its regularisation. */
    record Candidate(String algorithm, double lambda) {
        String describe() {
            String name = algorithm.equals("maxent") ? "smile.Maxent" : "smile.SparseLogisticRegression";
            return name + "(lambda=" + lambda + ")";
        }
    }

    private SmileLearner() {}

    /**
     * Fits {@code candidate} on the documents {@code rows} (indices into {@code counts}; a row may repeat, which is
     * how rare labels are weighted up).
     */
    static LinearModel fit(
            Candidate candidate,
            FeaturizerSettings base,
            List<String> labels,
            Featurizer.TermCounts[] counts,
            int[] y,
            int[] rows,
            int[] distinctRows,
            int maxIterations) {
        boolean maxent = candidate.algorithm().equals("maxent");
        FeaturizerSettings fs = base.withBinary(maxent);
        int d = fs.dimensions();
        int[] df = new int[d];
        for (int i : distinctRows) {
            for (int f : counts[i].index()) {
                df[f]++;
            }
        }
        float[] idf = new float[d];
        double m = distinctRows.length;
        for (int f = 0; f < d; f++) {
            if (df[f] >= fs.minDf()) {
                idf[f] = maxent ? 1f : (float) (Math.log((1 + m) / (1 + df[f])) + 1);
            }
        }
        // Smile's cost per L-BFGS step grows with the weight vector, so only features that survive minDf get a
        // column: hashed index -> compact column, and back when lifting the weights.
        int[] column = new int[d];
        java.util.Arrays.fill(column, -1);
        int p = 0;
        for (int f = 0; f < d; f++) {
            if (idf[f] != 0f) {
                column[f] = p++;
            }
        }
        for (int i : distinctRows) {
            for (int f : counts[i].cueIndex()) {
                if (column[f] < 0) {
                    column[f] = p++;
                }
            }
        }
        int[] hashed = new int[p];
        for (int f = 0; f < d; f++) {
            if (column[f] >= 0) {
                hashed[column[f]] = f;
            }
        }
        Featurizer weigher = new Featurizer(fs);
        int k = labels.size();
        int[] yy = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            yy[r] = y[rows[r]];
        }
        double tol = 1e-4;
        double[][] w;
        if (maxent) {
            int[][] x = new int[rows.length][];
            for (int r = 0; r < rows.length; r++) {
                int[] idx = weigher.weigh(counts[rows[r]], f -> idf[f]).index();
                int[] cols = new int[idx.length];
                for (int i = 0; i < idx.length; i++) {
                    cols[i] = column[idx[i]];
                }
                x[r] = cols;
            }
            var options = new Maxent.Options(candidate.lambda(), tol, maxIterations);
            w = k == 2
                    ? binomialRows(Maxent.binomial(p, x, yy, options).coefficients())
                    : Maxent.multinomial(p, x, yy, options).coefficients();
        } else {
            List<SampleInstance<SparseArray, Integer>> data = new ArrayList<>(rows.length);
            for (int r = 0; r < rows.length; r++) {
                SparseVector v = weigher.weigh(counts[rows[r]], f -> idf[f]);
                SparseArray a = new SparseArray(v.size());
                for (int i = 0; i < v.size(); i++) {
                    a.append(column[v.index()[i]], v.value()[i]);
                }
                data.add(new SampleInstance<>(a, yy[r]));
            }
            var dataset = new SparseDataset<>(data, p);
            // Smile sums gradients per partition of this many rows. Two partitions: one per core here, few enough that
            // zero-filling and merging the (k-1)(p+1) gradient buffers stays cheap, and fixed (not read from the core
            // count) so the same corpus gives bit-identical weights on any machine.
            System.setProperty("smile.data.partition.size", Integer.toString(Math.max(1000, (rows.length + 1) / 2)));
            var options = new LogisticRegression.Options(candidate.lambda(), tol, maxIterations);
            w = k == 2
                    ? binomialRows(
                            SparseLogisticRegression.binomial(dataset, options).coefficients())
                    : SparseLogisticRegression.multinomial(dataset, options).coefficients();
        }
        double[][] weights = new double[k][d];
        double[] bias = new double[k];
        for (int c = 0; c < k - 1; c++) {
            int last = w[c].length - 1;
            for (int j = 0; j < Math.min(p, last); j++) {
                weights[c][hashed[j]] = w[c][j];
            }
            bias[c] = w[c][last];
        }
        return LinearModel.of(fs, labels, idf, weights, bias, 1.0);
    }

    /** A binomial model scores label 1 with {@code w.x}; as a two-row model, label 0 is the reference. */
    private static double[][] binomialRows(double[] w) {
        double[][] rows = new double[1][];
        double[] negated = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            negated[i] = -w[i];
        }
        rows[0] = negated;
        return rows;
    }
}
