package dev.newsdesk.web;

import dev.newsdesk.article.ArticleService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /corrections}: the editors' corrections as a training corpus, one JSON line an article, streamed from the
 * store. The same file {@code newsdesk corpus --from-store} writes, without stopping the server (the embedded
 * database opens in one process at a time).
 */
@RestController
@RequestMapping(WebConfiguration.API)
@Tag(name = "articles", description = "Stored articles and editors' corrections")
final class CorrectionsController {

    static final String JSON_LINES = "application/jsonl";

    private final ArticleService articles;
    private final JsonMapper json;

    CorrectionsController(ArticleService articles, JsonMapper json) {
        this.articles = articles;
        this.json = json;
    }

    @Operation(summary = "Editors' corrections as a JSON Lines training corpus (for newsdesk train --corpus)")
    @SecurityRequirement(name = "apiKey")
    @Access(Access.Role.ADMIN)
    @GetMapping("/corrections")
    void corrections(HttpServletResponse response) throws IOException {
        response.setContentType(JSON_LINES + ";charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"corrections.jsonl\"");
        var out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        articles.corrected(a -> {
            try {
                out.write(json.writeValueAsString(a.asArticle().toCorpusFields()));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }
}
