package dev.newsdesk.web;

import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.Format;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;

/**
 * An article to classify: {@code text} (plain text) or {@code html} (an article page, chrome removed on reading).
 *
 * @param id echoed back in batch results, optional
 * @param title headline, optional
 * @param text plain body text
 * @param html an HTML article page or fragment, instead of {@code text}
 */
record ClassifyRequest(
        @Size(max = 512) String id, @Size(max = 2000) String title, String text, String html) {

    /** The article to classify; {@code field} prefixes field names in messages (for batches). */
    Article article(IngestBodies bodies, String field) {
        if (text != null && html != null) {
            throw new ApiException(
                    ProblemKind.INVALID_FIELD, "send either '" + field + "text' or '" + field + "html', not both");
        }
        if (text == null && html == null) {
            throw new ApiException(
                            ProblemKind.INVALID_FIELD,
                            "'" + field + "text' (plain text) or '" + field + "html' (an article page) is required")
                    .with("errors", List.of(new ProblemAdvice.FieldProblem(field + "text", "is required")));
        }
        if (text != null) {
            return Article.of(id == null ? "-" : id, title, text);
        }
        Article page = bodies.one(html.getBytes(StandardCharsets.UTF_8), MediaType.TEXT_HTML, Format.HTML.id());
        return title == null || title.isBlank() ? page : Article.of(page.id(), title, page.body());
    }
}
