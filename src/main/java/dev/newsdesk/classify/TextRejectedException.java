package dev.newsdesk.classify;

/** Text the classifier will not take (empty, too long, binary); the message says what to fix. */
public class TextRejectedException extends IllegalArgumentException {
    public TextRejectedException(String message) {
        super(message);
    }
}
