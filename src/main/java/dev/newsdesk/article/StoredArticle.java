package dev.newsdesk.article;

import dev.newsdesk.ingest.Article;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An article as stored: what the site sent, what the model said when it was stored, and an editor's correction.
 *
 * @param id the site's id
 * @param title headline, may be empty
 * @param body article text; null in listings, which leave it out
 * @param author byline, or null
 * @param published publication time, or null
 * @param siteCategory the site's section, or null
 * @param tags the site's tags
 * @param url canonical address, or null
 * @param draft not published yet (or withdrawn): stored and classified, left out of Trending
 * @param model the model's answer
 * @param correction an editor's label, or null
 * @param createdAt first stored
 * @param updatedAt last stored or corrected
 */
public record StoredArticle(
        String id,
        String title,
        String body,
        String author,
        Instant published,
        String siteCategory,
        List<String> tags,
        String url,
        boolean draft,
        ModelLabel model,
        EditorLabel correction,
        Instant createdAt,
        Instant updatedAt) {

    public StoredArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The label the site should show: the editor's when there is one, else the model's. */
    public String label() {
        return correction != null ? correction.label() : model.label();
    }

    /** The article as ingestion and training see it, labelled with {@link #label()}. */
    public Article asArticle() {
        return new Article(id, title, body, author, published, siteCategory, tags, url, label(), Map.of());
    }

    /** What the model said. */
    public record ModelLabel(
            String label,
            double confidence,
            Map<String, Double> probabilities,
            boolean needsReview,
            String modelVersion) {}

    /** An editor's correction, with the model's label it replaced. */
    public record EditorLabel(String label, String editor, String note, String modelLabel, Instant correctedAt) {}

    StoredArticle withCorrection(EditorLabel newCorrection, Instant at) {
        return new StoredArticle(
                id,
                title,
                body,
                author,
                published,
                siteCategory,
                tags,
                url,
                draft,
                model,
                newCorrection,
                createdAt,
                at);
    }
}
