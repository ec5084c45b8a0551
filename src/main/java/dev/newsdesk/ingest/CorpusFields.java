package dev.newsdesk.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the corpus schema's named fields (as JSONL and CSV carry them) into an {@link Article}. */
final class CorpusFields {

    private static final Set<String> KNOWN = Set.of(
            "id",
            "title",
            "text",
            "body",
            "label",
            "author",
            "site_category",
            "siteCategory",
            "published",
            "date",
            "url",
            "tags");

    private CorpusFields() {}

    static Article toArticle(
            Map<String, String> fields, List<String> tags, String defaultId, String source, long line) {
        Map<String, String> attributes = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (!KNOWN.contains(k) && v != null) {
                attributes.put(k, v);
            }
        });
        String text = firstNonBlank(fields.get("text"), fields.get("body"));
        String title = fields.get("title");
        if ((text == null || text.isBlank()) && (title == null || title.isBlank())) {
            throw new InputException(source, line, -1, "record has neither 'text' nor 'title'");
        }
        Instant published;
        try {
            published = Dates.parse(fields.get("published"));
        } catch (IllegalArgumentException e) {
            throw new InputException(source, line, -1, "field 'published': " + e.getMessage());
        }
        List<String> allTags = new ArrayList<>(tags);
        String tagField = fields.get("tags");
        if (tagField != null && !tagField.isBlank()) {
            Arrays.stream(tagField.split(","))
                    .map(String::trim)
                    .filter(t -> !t.isEmpty())
                    .forEach(allTags::add);
        }
        String id = firstNonBlank(fields.get("id"), defaultId);
        String label = blankToNull(fields.get("label"));
        return new Article(
                id,
                title,
                text,
                blankToNull(fields.get("author")),
                published,
                blankToNull(firstNonBlank(fields.get("site_category"), fields.get("siteCategory"))),
                allTags,
                blankToNull(fields.get("url")),
                label == null ? null : label.trim(),
                attributes);
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
