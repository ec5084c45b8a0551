package dev.newsdesk.web;

import dev.newsdesk.article.ArticleService;
import dev.newsdesk.article.StoredArticle;
import dev.newsdesk.ingest.Article;
import dev.newsdesk.system.HttpSettings;
import dev.newsdesk.system.ModelService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** {@code /articles}: store (classified on the way in), read, list, delete, and editors' label corrections. */
@RestController
@RequestMapping(WebConfiguration.API + "/articles")
@Tag(name = "articles", description = "Stored articles and editors' corrections")
final class ArticleController {

    private static final int MAX_ID = 512;

    private final ArticleService articles;
    private final IngestBodies bodies;
    private final ModelService models;
    private final HttpSettings settings;

    ArticleController(ArticleService articles, IngestBodies bodies, ModelService models, HttpSettings settings) {
        this.articles = articles;
        this.bodies = bodies;
        this.models = models;
        this.settings = settings;
    }

    @Operation(summary = "Store an article sent as JSON; it is classified on the way in")
    @SecurityRequirement(name = "apiKey")
    @Access(Access.Role.WRITE)
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE, params = "!format")
    ResponseEntity<ArticleView> put(@PathVariable String id, @Valid @RequestBody ArticleRequest body) {
        return saved(id, body.article(checkId(id), bodies), Boolean.TRUE.equals(body.draft()));
    }

    @Operation(
            summary = "Store an article sent in any ingest shape: text/plain, text/html, WordPress WXR or REST JSON,"
                    + " JSONL, CSV (by Content-Type, or ?format=)")
    @SecurityRequirement(name = "apiKey")
    @Access(Access.Role.WRITE)
    @PutMapping(path = "/{id}", consumes = MediaType.ALL_VALUE)
    ResponseEntity<ArticleView> putRaw(
            @PathVariable String id,
            @RequestBody byte[] body,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) MediaType type,
            @RequestParam(required = false) String format,
            @RequestParam(defaultValue = "false") boolean draft) {
        Article a = bodies.one(body, type, format);
        return saved(id, IngestBodies.withId(a, checkId(id)), draft || IngestBodies.unpublished(a));
    }

    private ResponseEntity<ArticleView> saved(String id, Article article, boolean draft) {
        ArticleService.Saved saved = articles.save(id, article, draft);
        ArticleView view = ArticleView.of(saved.article());
        return saved.created()
                ? ResponseEntity.created(URI.create(WebConfiguration.API + "/articles/"
                                + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8)))
                        .body(view)
                : ResponseEntity.ok(view);
    }

    @Operation(summary = "One stored article with its text, the model's label and any correction")
    @GetMapping("/{id}")
    ArticleView get(@PathVariable String id) {
        return ArticleView.of(found(id));
    }

    /** A page of articles. */
    record ArticlePage(int count, List<ArticleView> articles) {}

    @Operation(summary = "Articles last stored or corrected first, without text; filter by label and time")
    @GetMapping
    ArticlePage list(
            @RequestParam(required = false) String label,
            @RequestParam(required = false) Instant since,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > settings.maxListSize()) {
            throw new ApiException(
                    ProblemKind.INVALID_PARAMETER,
                    "parameter 'limit' must be 1 to " + settings.maxListSize() + ", was " + limit);
        }
        List<ArticleView> page = articles.list(label == null ? null : knownLabel(label), since, limit).stream()
                .map(ArticleView::of)
                .toList();
        return new ArticlePage(page.size(), page);
    }

    @Operation(summary = "Delete a stored article and its correction")
    @SecurityRequirement(name = "apiKey")
    @Access(Access.Role.WRITE)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!articles.delete(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * An editor's label.
     *
     * @param label one of the model's labels
     * @param editor who corrected it, optional
     * @param note why, optional
     */
    record LabelRequest(
            @NotBlank @Size(max = 64) String label,
            @Size(max = 200) String editor,
            @Size(max = 2000) String note) {}

    @Operation(summary = "Record an editor's label, kept apart from the model's and used for the next training run")
    @SecurityRequirement(name = "apiKey")
    @Access(Access.Role.WRITE)
    @PutMapping(path = "/{id}/label", consumes = MediaType.APPLICATION_JSON_VALUE)
    ArticleView correct(@PathVariable String id, @Valid @RequestBody LabelRequest body) {
        String label = knownLabel(body.label().strip());
        return ArticleView.of(
                articles.correct(id, label, body.editor(), body.note()).orElseThrow(() -> notFound(id)));
    }

    @Operation(summary = "Remove an editor's label, so the model's counts again")
    @SecurityRequirement(name = "apiKey")
    @Access(Access.Role.WRITE)
    @DeleteMapping("/{id}/label")
    ArticleView uncorrect(@PathVariable String id) {
        return ArticleView.of(articles.uncorrect(id).orElseThrow(() -> notFound(id)));
    }

    private StoredArticle found(String id) {
        return articles.find(id).orElseThrow(() -> notFound(id));
    }

    private String knownLabel(String label) {
        List<String> labels = models.card().labels();
        for (String l : labels) {
            if (l.equalsIgnoreCase(label)) {
                return l;
            }
        }
        throw new ApiException(
                        ProblemKind.UNKNOWN_LABEL,
                        "label '" + label + "' is not one of the model's labels: " + String.join(", ", labels))
                .with("labels", labels);
    }

    private static String checkId(String id) {
        if (id.isBlank() || id.length() > MAX_ID) {
            throw new ApiException(
                    ProblemKind.INVALID_PARAMETER, "the article id must be 1 to " + MAX_ID + " characters");
        }
        return id;
    }

    private static ApiException notFound(String id) {
        return new ApiException(
                ProblemKind.ARTICLE_NOT_FOUND,
                "no article with id '" + abbreviate(id) + "' is stored; PUT /api/v1/articles/{id} stores one");
    }

    private static String abbreviate(String id) {
        return id.length() <= 80 ? id : id.substring(0, 80) + "...";
    }
}
