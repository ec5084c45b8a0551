package dev.newsdesk.training;

/** Hears how far training has got; the CLI draws a progress bar from it. */
@FunctionalInterface
public interface TrainingProgress {

    TrainingProgress NONE = (phase, done, total) -> {};

    /** {@code done} of {@code total} steps of {@code phase} are finished. */
    void step(String phase, int done, int total);
}
