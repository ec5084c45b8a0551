package dev.newsdesk.classify;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything known about a model file: what it predicts, how and from what it was trained, how well it did,
 * and the checksum its payload must match before anything in it is read.
 *
 * @param formatVersion model file format version
 * @param version this model's version string, shown with every prediction
 * @param createdAt when training finished
 * @param labels the labels, in the model's order
 * @param algorithm the chosen learner, e.g. {@code smile.SparseLogisticRegression(lambda=2.0)}
 * @param options training options as given
 * @param featurizer the featuriser settings
 * @param seed random seed of fold assignment and shuffles
 * @param corpusSha256 SHA-256 over the training documents (title, text, label), in order
 * @param corpusDocuments number of training documents
 * @param labelCounts training documents per label
 * @param metrics held-out figures (cross-validation or an evaluation set), or null
 * @param candidates cross-validated macro-F1 of every learner tried, best first
 * @param temperature softmax temperature fitted on held-out predictions (1 = none)
 * @param libraries versions of Java, Smile and OpenNLP that trained it
 * @param payloadSha256 SHA-256 of the payload bytes that follow the card in the file
 */
public record ModelCard(
        int formatVersion,
        String version,
        Instant createdAt,
        List<String> labels,
        String algorithm,
        Map<String, String> options,
        FeaturizerSettings featurizer,
        long seed,
        String corpusSha256,
        int corpusDocuments,
        Map<String, Integer> labelCounts,
        Metrics metrics,
        Map<String, Double> candidates,
        double temperature,
        Map<String, String> libraries,
        String payloadSha256) {

    public ModelCard {
        labels = List.copyOf(labels);
        options = options == null ? Map.of() : Map.copyOf(options);
        labelCounts = labelCounts == null ? Map.of() : Map.copyOf(labelCounts);
        candidates = candidates == null ? Map.of() : Map.copyOf(candidates);
        libraries = libraries == null ? Map.of() : Map.copyOf(libraries);
    }

    public ModelCard withPayloadSha256(String sha) {
        return new ModelCard(
                formatVersion,
                version,
                createdAt,
                labels,
                algorithm,
                options,
                featurizer,
                seed,
                corpusSha256,
                corpusDocuments,
                labelCounts,
                metrics,
                candidates,
                temperature,
                libraries,
                sha);
    }
}
