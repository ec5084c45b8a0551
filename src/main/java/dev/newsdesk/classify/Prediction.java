package dev.newsdesk.classify;

import java.util.List;
import java.util.Map;

/**
 * What the classifier says about one article.
 *
 * @param label the most probable label
 * @param confidence its probability
 * @param probabilities every label's probability, in the model's label order
 * @param evidence the terms that pushed the article toward {@code label}, strongest first (empty when not asked)
 * @param needsReview true when {@code confidence} is below the configured minimum: a person should look
 * @param modelVersion the model that answered
 */
public record Prediction(
        String label,
        double confidence,
        Map<String, Double> probabilities,
        List<Evidence> evidence,
        boolean needsReview,
        String modelVersion) {

    /** A term and how much it moved the score toward the predicted label. */
    public record Evidence(String term, double weight) {}

    public Prediction {
        evidence = List.copyOf(evidence);
    }
}
