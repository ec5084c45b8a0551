package dev.newsdesk.web;

import java.net.URI;
import java.util.Locale;

/**
 * Every kind of problem the API answers with, each with a stable {@code type} URI ({@code urn:newsdesk:problem:<name>})
 * that clients may switch on, its HTTP status and a short title.
 */
enum ProblemKind {
    MALFORMED_JSON(400, "Malformed JSON"),
    WRONG_TYPE(400, "Wrong type"),
    INVALID_FIELD(400, "Invalid field"),
    INVALID_PARAMETER(400, "Invalid parameter"),
    TEXT_REJECTED(400, "Text rejected"),
    UNREADABLE_INPUT(400, "Unreadable input"),
    UNKNOWN_LABEL(400, "Unknown label"),
    UNKNOWN_SCOPE(400, "Unknown scope"),
    UNKNOWN_WINDOW(400, "Unknown window"),
    MISSING_API_KEY(401, "API key missing"),
    BAD_API_KEY(401, "API key not accepted"),
    NOT_ADMIN(403, "Admin key needed"),
    NO_SUCH_ENDPOINT(404, "No such endpoint"),
    ARTICLE_NOT_FOUND(404, "Unknown article"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    BODY_TOO_LARGE(413, "Body too large"),
    BATCH_TOO_LARGE(413, "Batch too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    MODEL_REJECTED(422, "Model not loaded"),
    RATE_LIMITED(429, "Too many events"),
    INTERNAL(500, "Internal error"),
    UNAVAILABLE(503, "Unavailable");

    private final int status;
    private final String title;
    private final URI type;

    ProblemKind(int status, String title) {
        this.status = status;
        this.title = title;
        this.type = URI.create(
                "urn:newsdesk:problem:" + name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    URI type() {
        return type;
    }
}
