package dev.newsdesk.system;

import dev.newsdesk.classify.Classifier;
import dev.newsdesk.classify.Prediction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Service;

/**
 * Classifies with the served model and counts what it did: {@code newsdesk.classify.latency} (timer, tag
 * {@code label}), {@code newsdesk.classify.predictions} (tags {@code label}, {@code review}) and
 * {@code newsdesk.classify.review.share}, the share of predictions flagged {@code needsReview} since start.
 */
@Service
public final class Classifications {

    private final ModelService models;
    private final MeterRegistry registry;
    private final ConcurrentMap<String, Meters> byLabel = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();
    private final LongAdder flagged = new LongAdder();

    public Classifications(ModelService models, MeterRegistry registry) {
        this.models = models;
        this.registry = registry;
        Gauge.builder("newsdesk.classify.review.share", this, Classifications::reviewShare)
                .description("Share of predictions since start whose confidence was below the review threshold")
                .register(registry);
    }

    /** Classifies with the model served at the moment of the call. */
    public Prediction classify(String title, String text, boolean explain) {
        return classify(models.current(), title, text, explain);
    }

    /** Classifies with a given classifier: a batch takes the model once so every item gets the same version. */
    public Prediction classify(Classifier classifier, String title, String text, boolean explain) {
        long start = System.nanoTime();
        Prediction p = classifier.classify(title, text, explain);
        long took = System.nanoTime() - start;
        Meters m = byLabel.computeIfAbsent(p.label(), this::meters);
        m.latency.record(took, TimeUnit.NANOSECONDS);
        (p.needsReview() ? m.flagged : m.confident).increment();
        total.increment();
        if (p.needsReview()) {
            flagged.increment();
        }
        return p;
    }

    public ModelService models() {
        return models;
    }

    private double reviewShare() {
        long n = total.sum();
        return n == 0 ? 0 : (double) flagged.sum() / n;
    }

    private record Meters(Timer latency, Counter confident, Counter flagged) {}

    private Meters meters(String label) {
        return new Meters(
                Timer.builder("newsdesk.classify.latency")
                        .description("Time to classify one article")
                        .tag("label", label)
                        .publishPercentileHistogram()
                        .register(registry),
                predictions(label, "false"),
                predictions(label, "true"));
    }

    private Counter predictions(String label, String review) {
        return Counter.builder("newsdesk.classify.predictions")
                .description("Predictions by label and whether they need review")
                .tag("label", label)
                .tag("review", review)
                .register(registry);
    }
}
