package dev.newsdesk.web;

import dev.newsdesk.classify.TextRejectedException;
import dev.newsdesk.ingest.InputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The one place errors become answers: RFC 9457 {@code application/problem+json} with a stable {@code type} per
 * {@link ProblemKind} and a {@code detail} saying what to fix. A client's mistake is never a 500, and no answer
 * carries a class name or stack trace; unexpected failures are logged with an id the answer repeats.
 */
@RestControllerAdvice
final class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e, WebRequest request) {
        return answer(e.kind(), e.getMessage(), e.properties(), e.headers(), request);
    }

    @ExceptionHandler(TextRejectedException.class)
    ResponseEntity<Object> textRejected(TextRejectedException e, WebRequest request) {
        return answer(ProblemKind.TEXT_REJECTED, e.getMessage(), Map.of(), null, request);
    }

    @ExceptionHandler(InputException.class)
    ResponseEntity<Object> unreadable(InputException e, WebRequest request) {
        Map<String, Object> where = new java.util.LinkedHashMap<>();
        if (e.line() > 0) {
            where.put("line", e.line());
        }
        if (e.column() > 0) {
            where.put("column", e.column());
        }
        return answer(ProblemKind.UNREADABLE_INPUT, e.getMessage(), where, null, request);
    }

    /** JSON a controller parsed itself (bodies that may come as text/plain, such as beacons). */
    @ExceptionHandler(JacksonException.class)
    ResponseEntity<Object> unreadableJson(JacksonException e, WebRequest request) {
        return unreadableBody(e, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        String id = UUID.randomUUID().toString();
        log.error("error {} answering {}", id, describe(request), e);
        return answer(
                ProblemKind.INTERNAL,
                "the service failed on this request; it is logged as error " + id + ", please report it",
                Map.of("errorId", id),
                null,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return switch (ex) {
            case HttpMessageNotReadableException e -> unreadableBody(e, request);
            case MethodArgumentNotValidException e ->
                invalidFields(
                        e.getBindingResult().getFieldErrors().stream()
                                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
                                .toList(),
                        request);
            case HandlerMethodValidationException e ->
                answer(
                        ProblemKind.INVALID_PARAMETER,
                        e.getParameterValidationResults().stream()
                                .map(r -> name(r.getMethodParameter().getParameterName()) + " "
                                        + r.getResolvableErrors().getFirst().getDefaultMessage())
                                .collect(Collectors.joining("; ")),
                        Map.of(),
                        null,
                        request);
            case TypeMismatchException e ->
                answer(
                        ProblemKind.INVALID_PARAMETER,
                        "parameter '" + e.getPropertyName() + "' " + expected(e.getRequiredType()) + ", was '"
                                + e.getValue() + "'",
                        Map.of(),
                        null,
                        request);
            case MissingServletRequestParameterException e ->
                answer(
                        ProblemKind.INVALID_PARAMETER,
                        "parameter '" + e.getParameterName() + "' is required",
                        Map.of(),
                        null,
                        request);
            case NoResourceFoundException e -> noSuchEndpoint(request);
            case NoHandlerFoundException e -> noSuchEndpoint(request);
            case HttpRequestMethodNotSupportedException e ->
                answer(
                        ProblemKind.METHOD_NOT_ALLOWED,
                        e.getMethod() + " is not supported here; use "
                                + String.join(", ", orNone(e.getSupportedMethods())),
                        Map.of(),
                        headers,
                        request);
            case HttpMediaTypeNotSupportedException e ->
                answer(
                        ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                        "Content-Type " + (e.getContentType() == null ? "(none)" : e.getContentType()) + " is not"
                                + " accepted here; send " + types(e.getSupportedMediaTypes()),
                        Map.of(),
                        headers,
                        request);
            case HttpMediaTypeNotAcceptableException e ->
                answer(
                        ProblemKind.NOT_ACCEPTABLE,
                        "cannot answer in the types the Accept header lists; accept "
                                + types(e.getSupportedMediaTypes()),
                        Map.of(),
                        null,
                        request);
            default -> {
                if (status.is5xxServerError()) {
                    yield unexpected(ex, request);
                }
                ProblemKind kind = status.value() == 404 ? ProblemKind.NO_SUCH_ENDPOINT : ProblemKind.INVALID_PARAMETER;
                String detail = body instanceof ProblemDetail pd && pd.getDetail() != null
                        ? pd.getDetail()
                        : "the request cannot be answered as sent";
                yield answer(kind, detail, Map.of(), headers, request);
            }
        };
    }

    private ResponseEntity<Object> unreadableBody(Throwable e, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException big) {
                return answer(
                        ProblemKind.BODY_TOO_LARGE,
                        "the request body is over the limit of " + big.limit() + " bytes; send less (split a batch)"
                                + " or raise newsdesk.http.max-body-size",
                        Map.of("limit", big.limit()),
                        null,
                        request);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MismatchedInputException m && m.getPath().isEmpty()) {
                return answer(
                        ProblemKind.WRONG_TYPE,
                        m.getTargetType() != null
                                ? "the body " + expected(m.getTargetType())
                                : "the body is the wrong kind of JSON value; send the shape /v3/api-docs shows"
                                        + " (an array for batches, an object otherwise)",
                        Map.of(),
                        null,
                        request);
            }
            if (t instanceof MismatchedInputException m) {
                String field = path(m);
                return invalid(
                        ProblemKind.WRONG_TYPE, "field '" + field + "' " + expected(m.getTargetType()), field, request);
            }
            if (t instanceof StreamReadException s) {
                var at = s.getLocation();
                String where = at == null || at.getLineNr() < 1
                        ? ""
                        : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
                return answer(
                        ProblemKind.MALFORMED_JSON,
                        "the body is not valid JSON" + where + ": check quotes, commas and brackets there",
                        Map.of(),
                        null,
                        request);
            }
            if (t instanceof JacksonException j && !j.getPath().isEmpty()) {
                String field = path(j);
                return invalid(
                        ProblemKind.INVALID_FIELD,
                        "field '" + field + "' has a value that cannot be used; check its format",
                        field,
                        request);
            }
        }
        return answer(
                ProblemKind.MALFORMED_JSON,
                "the request body is missing or not a JSON value; send a JSON object (see /v3/api-docs)",
                Map.of(),
                null,
                request);
    }

    private ResponseEntity<Object> invalid(ProblemKind kind, String detail, String field, WebRequest request) {
        return answer(kind, detail, Map.of("errors", List.of(new FieldProblem(field, detail))), null, request);
    }

    /** One field and what is wrong with it. */
    record FieldProblem(String field, String message) {}

    ResponseEntity<Object> invalidFields(List<FieldProblem> problems, WebRequest request) {
        String detail =
                problems.stream().map(p -> "'" + p.field() + "' " + p.message()).collect(Collectors.joining("; "));
        return answer(ProblemKind.INVALID_FIELD, detail, Map.of("errors", problems), null, request);
    }

    private ResponseEntity<Object> noSuchEndpoint(WebRequest request) {
        return answer(
                ProblemKind.NO_SUCH_ENDPOINT,
                "there is no endpoint at this address; the API is listed at /v3/api-docs and /swagger-ui.html",
                Map.of(),
                null,
                request);
    }

    private ResponseEntity<Object> answer(
            ProblemKind kind, String detail, Map<String, ?> properties, HttpHeaders headers, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(kind.status()), detail);
        problem.setType(kind.type());
        problem.setTitle(kind.title());
        properties.forEach(problem::setProperty);
        if (request instanceof ServletWebRequest swr) {
            problem.setInstance(java.net.URI.create(swr.getRequest().getRequestURI()));
        }
        HttpHeaders out = new HttpHeaders();
        if (headers != null) {
            out.addAll(headers);
        }
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(kind.status()).headers(out).body(problem);
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

    /** What a value of this type looks like, in words for a client, never a Java class name. */
    private static String expected(Class<?> type) {
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
                    + java.util.Arrays.stream(type.getEnumConstants())
                            .map(c -> c.toString().toLowerCase(java.util.Locale.ROOT))
                            .collect(Collectors.joining(", "));
        }
        return "must be a JSON object";
    }

    private static String name(String parameter) {
        return parameter == null ? "a parameter" : "'" + parameter + "'";
    }

    private static String types(List<MediaType> types) {
        List<String> names = new ArrayList<>();
        for (MediaType t : types) {
            names.add(t.toString());
        }
        return names.isEmpty() ? "another type" : String.join(", ", names);
    }

    private static String[] orNone(String[] methods) {
        return methods == null ? new String[] {"another method"} : methods;
    }

    private static String describe(WebRequest request) {
        return request instanceof ServletWebRequest swr
                ? swr.getRequest().getMethod() + " " + swr.getRequest().getRequestURI()
                : request.getDescription(false);
    }
}
