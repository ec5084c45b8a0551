package dev.newsdesk.classify;

/**
 * Prediction-time settings.
 *
 * @param minConfidence below this top probability a prediction says {@code needsReview: true} (0 to 1)
 * @param maxTextChars longest text accepted, in characters
 * @param evidenceTerms how many evidence terms a prediction lists
 */
public record ClassifierOptions(double minConfidence, int maxTextChars, int evidenceTerms) {

    public static final ClassifierOptions DEFAULT = new ClassifierOptions(0.6, 1_000_000, 10);

    public ClassifierOptions {
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minimum confidence must be between 0 and 1, was " + minConfidence);
        }
        if (maxTextChars < 1) {
            throw new IllegalArgumentException("maximum text length must be positive");
        }
        if (evidenceTerms < 0 || evidenceTerms > 100) {
            throw new IllegalArgumentException("evidence terms must be 0..100");
        }
    }

    public ClassifierOptions withMinConfidence(double m) {
        return new ClassifierOptions(m, maxTextChars, evidenceTerms);
    }
}
