package dev.newsdesk.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/** A problem found while answering: its kind, a message that says what to fix, extra members and headers. */
final class ApiException extends RuntimeException {

    private final ProblemKind kind;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final HttpHeaders headers = new HttpHeaders();

    ApiException(ProblemKind kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    ApiException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    ApiException header(String name, String value) {
        headers.add(name, value);
        return this;
    }

    ProblemKind kind() {
        return kind;
    }

    Map<String, Object> properties() {
        return properties;
    }

    HttpHeaders headers() {
        return headers;
    }
}
