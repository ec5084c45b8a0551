package dev.newsdesk.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo site's articles and the moment they were loaded, from which their publication times count back.
 *
 * @param articles newest first
 * @param loadedAt when the server loaded them
 */
record DemoArticles(List<DemoArticle> articles, Instant loadedAt) {

    DemoArticles {
        articles = List.copyOf(articles);
    }

    /** The articles bundled in the jar, as of {@code loadedAt}. */
    static DemoArticles bundled(Instant loadedAt) {
        try (InputStream in = DemoArticles.class.getResourceAsStream("/site/demo-articles.json")) {
            if (in == null) {
                throw new IllegalStateException("site/demo-articles.json is missing from the class path");
            }
            List<DemoArticle> list = JsonMapper.builder().build().readValue(in, new TypeReference<>() {});
            return new DemoArticles(list, loadedAt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<DemoArticle> find(String id) {
        return articles.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
