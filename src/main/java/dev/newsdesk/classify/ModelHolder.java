package dev.newsdesk.classify;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The current classifier, swapped atomically: a request that started with the old model finishes with it, the next
 * one gets the new one, and no request ever sees a half-loaded model.
 */
public final class ModelHolder {

    private final AtomicReference<Classifier> current;

    public ModelHolder(Classifier initial) {
        this.current = new AtomicReference<>(initial);
    }

    public Classifier get() {
        return current.get();
    }

    /** Installs a new classifier and returns the one it replaced. */
    public Classifier swap(Classifier next) {
        return current.getAndSet(next);
    }
}
