package dev.newsdesk.training;

/** Training data that cannot make a model (one label, too few examples, no labels); the message says what to fix. */
public class TrainingException extends RuntimeException {
    public TrainingException(String message) {
        super(message);
    }
}
