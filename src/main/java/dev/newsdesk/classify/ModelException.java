package dev.newsdesk.classify;

/** A model file that cannot be used: missing, not a Newsdesk model, another format version, or tampered with. */
public class ModelException extends RuntimeException {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
