package dev.newsdesk.web;

import dev.newsdesk.ingest.Article;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An article to store, as JSON: {@code text} or {@code html} plus what the site knows about it.
 *
 * @param title headline
 * @param text plain body text
 * @param html an HTML article page, instead of {@code text}
 * @param author byline
 * @param published publication time (ISO-8601)
 * @param siteCategory the site's section
 * @param tags the site's tags
 * @param url canonical address
 * @param draft true while not published: stored and classified, kept out of Trending
 */
record ArticleRequest(
        @Size(max = 2000) String title,
        String text,
        String html,
        @Size(max = 500) String author,
        Instant published,
        @Size(max = 200) String siteCategory,
        @Size(max = 100) List<@Size(max = 200) String> tags,
        @Size(max = 2000) String url,
        Boolean draft) {

    Article article(String id, IngestBodies bodies) {
        Article body = new ClassifyRequest(id, title, text, html).article(bodies, "");
        return new Article(
                id,
                body.title(),
                body.body(),
                author != null ? author : body.author(),
                published != null ? published : body.published(),
                siteCategory != null ? siteCategory : body.siteCategory(),
                tags != null ? tags : body.tags(),
                url != null ? url : body.url(),
                null,
                Map.of());
    }
}
