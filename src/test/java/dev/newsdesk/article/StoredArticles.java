package dev.newsdesk.article;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Stored articles for tests of the store and of what reads it. */
public final class StoredArticles {

    private StoredArticles() {}

    /** A published article of the Metro section that the model labelled {@code label}, created and updated at {@code t}. */
    public static StoredArticle labelled(String id, String label, Instant t) {
        return new StoredArticle(
                id,
                "Title " + id,
                "Body of " + id + ".",
                null,
                t,
                "Metro",
                List.of(),
                null,
                false,
                new StoredArticle.ModelLabel(label, 0.9, Map.of(label, 0.9), false, "v1"),
                null,
                t,
                t);
    }
}
