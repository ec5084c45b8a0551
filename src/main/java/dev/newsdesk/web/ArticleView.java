package dev.newsdesk.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.newsdesk.article.StoredArticle;
import java.time.Instant;
import java.util.List;

/**
 * An article as the API shows it: {@code label} is the editor's when there is one, else the model's; {@code text}
 * is left out of listings.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ArticleView(
        String id,
        String title,
        String text,
        String author,
        Instant published,
        String siteCategory,
        List<String> tags,
        String url,
        boolean draft,
        String label,
        StoredArticle.ModelLabel model,
        StoredArticle.EditorLabel correction,
        Instant createdAt,
        Instant updatedAt) {

    static ArticleView of(StoredArticle a) {
        return new ArticleView(
                a.id(),
                a.title(),
                a.body(),
                a.author(),
                a.published(),
                a.siteCategory(),
                a.tags(),
                a.url(),
                a.draft(),
                a.label(),
                a.model(),
                a.correction(),
                a.createdAt(),
                a.updatedAt());
    }
}
