package dev.newsdesk.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * What is wrong with a body that could not be read, in a client's words: too large, not JSON (and where), a field
 * of the wrong type (which field, what it should be). Never a Java class name.
 */
final class BodyProblems {

    private BodyProblems() {}

    static ApiException of(Throwable unreadable) {
        for (Throwable t = unreadable; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException big) {
                return new ApiException(
                                ProblemKind.BODY_TOO_LARGE,
                                "the request body is over the limit of " + big.limit()
                                        + " bytes; send less (split a batch) or raise newsdesk.http.max-body-size")
                        .with("limit", big.limit());
            }
        }
        for (Throwable t = unreadable; t != null; t = t.getCause()) {
            if (t instanceof MismatchedInputException m && m.getPath().isEmpty()) {
                return new ApiException(
                        ProblemKind.WRONG_TYPE,
                        m.getTargetType() != null
                                ? "the body " + expected(m.getTargetType())
                                : "the body is the wrong kind of JSON value; send the shape /v3/api-docs shows"
                                        + " (an array for batches, an object otherwise)");
            }
            if (t instanceof MismatchedInputException m) {
                return field(ProblemKind.WRONG_TYPE, path(m), expected(m.getTargetType()));
            }
            if (t instanceof StreamReadException s) {
                var at = s.getLocation();
                String where = at == null || at.getLineNr() < 1
                        ? ""
                        : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
                return new ApiException(
                        ProblemKind.MALFORMED_JSON,
                        "the body is not valid JSON" + where + ": check quotes, commas and brackets there");
            }
            if (t instanceof JacksonException j && !j.getPath().isEmpty()) {
                return field(ProblemKind.INVALID_FIELD, path(j), "has a value that cannot be used; check its format");
            }
        }
        return new ApiException(
                ProblemKind.MALFORMED_JSON,
                "the request body is missing or not a JSON value; send a JSON object (see /v3/api-docs)");
    }

    private static ApiException field(ProblemKind kind, String field, String problem) {
        String detail = "field '" + field + "' " + problem;
        return new ApiException(kind, detail).with("errors", List.of(new ProblemAdvice.FieldProblem(field, detail)));
    }

    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "(body)" : sb.toString();
    }

    /** What a value of this type looks like, in words for a client. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == Instant.class) {
            return "must be an ISO-8601 time such as 2026-01-31T09:30:00Z";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "must be a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        if (type.isEnum()) {
            return "must be one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(c -> c.toString().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", "));
        }
        return "must be a JSON object";
    }
}
