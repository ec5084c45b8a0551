package dev.newsdesk.system;

import dev.newsdesk.classify.ModelException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or broken model at start into one plain sentence instead of a stack trace. */
final class ModelFailureAnalyzer extends AbstractFailureAnalyzer<ModelException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, ModelException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Set newsdesk.classify.model-path to a model file written by 'newsdesk train'.",
                cause);
    }
}
