package dev.newsdesk.web;

import java.io.IOException;

/** Thrown by the request stream once a body passes the limit; the message converters hand it on as unreadable. */
final class BodyTooLargeException extends IOException {

    private final long limit;

    BodyTooLargeException(long limit) {
        super("request body over " + limit + " bytes", null);
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
