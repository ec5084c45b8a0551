package dev.newsdesk.training;

import dev.newsdesk.classify.FeaturizerSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to train.
 *
 * @param algorithm {@code auto} (pick by cross-validated macro-F1), {@code logreg} or {@code maxent}
 * @param lambdas L2 regularisation strengths to try (one fixes it)
 * @param folds cross-validation folds; 0 skips cross-validation (then the card has no held-out metrics)
 * @param groupBy field whose values never straddle folds (e.g. {@code outlet}), or null
 * @param seed seed of fold assignment
 * @param maxIterations L-BFGS iteration cap
 * @param balance replicate rarer labels' documents so each label weighs about the same
 * @param calibrate fit a softmax temperature on the cross-validated predictions
 * @param featurizer how text becomes features
 * @param minConfidence recorded in the card as the default review threshold
 * @param shortViews also learn from each article's title and lede alone (its first {@value Trainer#LEDE_WORDS}
 *     words), so headlines and teasers are not out of the model's experience
 */
public record TrainingOptions(
        String algorithm,
        List<Double> lambdas,
        int folds,
        String groupBy,
        long seed,
        int maxIterations,
        boolean balance,
        boolean calibrate,
        FeaturizerSettings featurizer,
        double minConfidence,
        boolean shortViews) {

    public static final List<String> ALGORITHMS = List.of("auto", "logreg", "maxent");

    public static final TrainingOptions DEFAULT = new TrainingOptions(
            "auto", List.of(0.5, 2.0), 5, null, 42L, 300, true, true, FeaturizerSettings.DEFAULT, 0.6, true);

    public TrainingOptions {
        if (!ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("algorithm must be one of " + ALGORITHMS + ", was '" + algorithm + "'");
        }
        lambdas = List.copyOf(lambdas);
        if (lambdas.isEmpty() || lambdas.stream().anyMatch(l -> !(l >= 0))) {
            throw new IllegalArgumentException("lambdas must be one or more non-negative numbers");
        }
        if (folds == 1 || folds < 0 || folds > 20) {
            throw new IllegalArgumentException("folds must be 0 (none) or 2..20, was " + folds);
        }
        if (folds == 0 && (algorithm.equals("auto") || lambdas.size() > 1)) {
            throw new IllegalArgumentException("without cross-validation (folds 0) name one algorithm and one lambda");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("max iterations must be positive");
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("min confidence must be between 0 and 1");
        }
    }

    public TrainingOptions with(String algorithm, List<Double> lambdas, int folds, String groupBy, long seed) {
        return with(algorithm, lambdas, folds, groupBy, seed, shortViews);
    }

    private TrainingOptions with(
            String algorithm, List<Double> lambdas, int folds, String groupBy, long seed, boolean shortViews) {
        return new TrainingOptions(
                algorithm,
                lambdas,
                folds,
                groupBy,
                seed,
                maxIterations,
                balance,
                calibrate,
                featurizer,
                minConfidence,
                shortViews);
    }

    public TrainingOptions withShortViews(boolean on) {
        return with(algorithm, lambdas, folds, groupBy, seed, on);
    }

    /** The options a model card records, so a model can be retrained exactly as it was. */
    public static TrainingOptions fromCard(Map<String, String> o, FeaturizerSettings featurizer, long seed) {
        String lambdas = o.getOrDefault("lambdas", "[1.0]").replaceAll("[\\[\\] ]", "");
        return new TrainingOptions(
                o.getOrDefault("algorithm", "auto"),
                java.util.Arrays.stream(lambdas.split(",")).map(Double::valueOf).toList(),
                Integer.parseInt(o.getOrDefault("folds", "5")),
                o.getOrDefault("groupBy", "").isBlank() ? null : o.get("groupBy"),
                seed,
                Integer.parseInt(o.getOrDefault("maxIterations", "300")),
                Boolean.parseBoolean(o.getOrDefault("balance", "true")),
                Boolean.parseBoolean(o.getOrDefault("calibrate", "true")),
                featurizer,
                Double.parseDouble(o.getOrDefault("minConfidence", "0.6")),
                Boolean.parseBoolean(o.getOrDefault("shortViews", "true")));
    }

    /** The options as the card records them. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("algorithm", algorithm);
        m.put("lambdas", lambdas.toString());
        m.put("folds", Integer.toString(folds));
        m.put("groupBy", groupBy == null ? "" : groupBy);
        m.put("maxIterations", Integer.toString(maxIterations));
        m.put("balance", Boolean.toString(balance));
        m.put("calibrate", Boolean.toString(calibrate));
        m.put("minConfidence", Double.toString(minConfidence));
        m.put("shortViews", Boolean.toString(shortViews));
        return m;
    }
}
