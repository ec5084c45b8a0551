package dev.newsdesk.web;

import dev.newsdesk.classify.Classifier;
import dev.newsdesk.classify.Prediction;
import dev.newsdesk.classify.TextRejectedException;
import dev.newsdesk.ingest.Article;
import dev.newsdesk.system.Classifications;
import dev.newsdesk.system.HttpSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /classify} and {@code /classify/batch}: label articles without storing them. */
@RestController
@RequestMapping(WebConfiguration.API)
@Tag(name = "classify", description = "Label articles without storing them")
@SecurityRequirement(name = "apiKey")
@Access(Access.Role.WRITE)
final class ClassifyController {

    private final Classifications classifications;
    private final IngestBodies bodies;
    private final HttpSettings settings;
    private final Validator validator;

    ClassifyController(
            Classifications classifications, IngestBodies bodies, HttpSettings settings, Validator validator) {
        this.classifications = classifications;
        this.bodies = bodies;
        this.settings = settings;
        this.validator = validator;
    }

    @Operation(summary = "Classify one article sent as JSON {title, text} or {title, html}")
    @PostMapping(path = "/classify", consumes = MediaType.APPLICATION_JSON_VALUE)
    Prediction classify(
            @Valid @RequestBody ClassifyRequest body, @RequestParam(defaultValue = "true") boolean explain) {
        Article a = body.article(bodies, "");
        return classifications.classify(a.title(), a.body(), explain);
    }

    @Operation(summary = "Classify one article sent raw: text/plain (first line the title) or an HTML page")
    @PostMapping(
            path = "/classify",
            consumes = {MediaType.TEXT_PLAIN_VALUE, MediaType.TEXT_HTML_VALUE})
    Prediction classifyRaw(
            @RequestBody byte[] body,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type,
            @RequestParam(defaultValue = "true") boolean explain) {
        Article a = bodies.one(body, type, null);
        return classifications.classify(a.title(), a.body(), explain);
    }

    /** One batch item's answer; the model version is the batch's. */
    record BatchResult(
            String id,
            String label,
            double confidence,
            Map<String, Double> probabilities,
            List<Prediction.Evidence> evidence,
            boolean needsReview) {}

    /** A batch's answers, in request order, all from one model version. */
    record BatchResponse(String modelVersion, List<BatchResult> results) {}

    @Operation(summary = "Classify a JSON array of articles, all with the same model version")
    @PostMapping(path = "/classify/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    BatchResponse batch(
            @RequestBody List<ClassifyRequest> items, @RequestParam(defaultValue = "false") boolean explain) {
        if (items.isEmpty()) {
            throw new ApiException(ProblemKind.INVALID_FIELD, "the batch is empty; send an array of articles");
        }
        if (items.size() > settings.maxBatchSize()) {
            throw new ApiException(
                            ProblemKind.BATCH_TOO_LARGE,
                            "the batch has " + items.size() + " articles, over the limit of " + settings.maxBatchSize()
                                    + "; split it (newsdesk.http.max-batch-size)")
                    .with("limit", settings.maxBatchSize());
        }
        List<Article> articles = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            ClassifyRequest item = items.get(i);
            if (item == null) {
                throw new ApiException(ProblemKind.INVALID_FIELD, "'[" + i + "]' is null; send an article object");
            }
            var violations = validator.validate(item);
            if (!violations.isEmpty()) {
                var v = violations.iterator().next();
                throw new ApiException(
                        ProblemKind.INVALID_FIELD, "'[" + i + "]." + v.getPropertyPath() + "' " + v.getMessage());
            }
            articles.add(item.article(bodies, "[" + i + "]."));
        }
        Classifier classifier = classifications.models().current();
        List<BatchResult> results = new ArrayList<>(items.size());
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            Prediction p;
            try {
                p = classifications.classify(classifier, a.title(), a.body(), explain);
            } catch (TextRejectedException e) {
                throw new ApiException(ProblemKind.TEXT_REJECTED, "'[" + i + "]': " + e.getMessage());
            }
            results.add(new BatchResult(
                    items.get(i).id(), p.label(), p.confidence(), p.probabilities(), p.evidence(), p.needsReview()));
        }
        return new BatchResponse(classifier.card().version(), results);
    }
}
