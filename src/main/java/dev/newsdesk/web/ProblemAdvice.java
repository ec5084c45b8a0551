package dev.newsdesk.web;

import dev.newsdesk.classify.TextRejectedException;
import dev.newsdesk.ingest.InputException;
import dev.newsdesk.trending.TrendingException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        Map<String, Object> where = new LinkedHashMap<>();
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
        return api(BodyProblems.of(e), request);
    }

    /** The event log or Redis failed: the service's problem, said without its internals, worth a retry. */
    @ExceptionHandler(TrendingException.class)
    ResponseEntity<Object> trendingDown(TrendingException e, WebRequest request) {
        log.error("trending store failed answering {}", describe(request), e);
        HttpHeaders retry = new HttpHeaders();
        retry.add("Retry-After", "5");
        return answer(
                ProblemKind.UNAVAILABLE,
                "the trending store is not available at the moment; retry in a few seconds",
                Map.of(),
                retry,
                request);
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
            case HttpMessageNotReadableException e -> api(BodyProblems.of(e), request);
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
                        "parameter '" + e.getPropertyName() + "' " + BodyProblems.expected(e.getRequiredType())
                                + ", was '" + e.getValue() + "'",
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
                // a controller's own ResponseStatusException says what to fix in its reason; keep it
                String detail = ex instanceof org.springframework.web.server.ResponseStatusException rse
                                && rse.getReason() != null
                        ? rse.getReason()
                        : body instanceof ProblemDetail pd && pd.getDetail() != null
                                ? pd.getDetail()
                                : "the request cannot be answered as sent";
                yield answer(kind, detail, Map.of(), headers, request);
            }
        };
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
            problem.setInstance(URI.create(swr.getRequest().getRequestURI()));
        }
        HttpHeaders out = new HttpHeaders();
        if (headers != null) {
            out.addAll(headers);
        }
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(kind.status()).headers(out).body(problem);
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
