package dev.newsdesk.system;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code newsdesk.classify.*}: which model the service loads and how it answers.
 *
 * @param modelPath a model file; when unset, the newest {@code *.ndm} in {@code modelDirectory}, else the bundled model
 * @param modelDirectory watched for new model files; unset means {@code <data directory>/models}
 * @param watchInterval how often the model file or directory is checked for a new model; {@code 0} turns watching off
 * @param minConfidence below this top probability a prediction says {@code needsReview}; unset takes the model's own
 * @param evidenceTerms how many evidence terms a prediction lists
 * @param maxTextChars longest title plus text accepted, in characters
 */
@ConfigurationProperties("newsdesk.classify")
public record ClassifySettings(
        Path modelPath,
        Path modelDirectory,
        @DefaultValue("2s") Duration watchInterval,
        Double minConfidence,
        @DefaultValue("10") int evidenceTerms,
        @DefaultValue("200000") int maxTextChars) {

    public ClassifySettings {
        if (watchInterval.isNegative()) {
            throw new IllegalArgumentException("newsdesk.classify.watch-interval must not be negative");
        }
        if (minConfidence != null && !(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("newsdesk.classify.min-confidence must be between 0 and 1");
        }
        if (maxTextChars < 1) {
            throw new IllegalArgumentException("newsdesk.classify.max-text-chars must be positive");
        }
    }
}
