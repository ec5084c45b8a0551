package dev.newsdesk.ingest;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One article as Newsdesk sees it, whatever shape it arrived in: the page chrome is already gone.
 *
 * @param id stable identifier from the source (post id, guid, file name and index), never null
 * @param title headline, may be empty
 * @param body article text only, paragraphs separated by blank lines, never null
 * @param author byline, or null when the source has none
 * @param published publication time, or null when unknown
 * @param siteCategory what the site's menu calls the section (e.g. {@code Metro}, {@code Columns}), or null
 * @param tags the source's tags, possibly empty
 * @param url canonical address, or null
 * @param label a known class label (training data, editor corrections), or null
 * @param attributes any further fields of the source (e.g. {@code outlet}), for grouping and reports
 */
public record Article(
        String id,
        String title,
        String body,
        String author,
        Instant published,
        String siteCategory,
        List<String> tags,
        String url,
        String label,
        Map<String, String> attributes) {

    public Article {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        tags = tags == null ? List.of() : List.copyOf(tags);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** The attribute that lists every category of an article filed under several, separated by {@code |}. */
    public static final String CATEGORIES = "categories";

    /** The site's categories for this article, in the source's order: all of them, else the site category alone. */
    public List<String> categories() {
        String all = attributes.get(CATEGORIES);
        if (all != null && !all.isBlank()) {
            return Arrays.stream(all.split("\\|"))
                    .map(String::strip)
                    .filter(c -> !c.isEmpty())
                    .toList();
        }
        return siteCategory == null || siteCategory.isBlank() ? List.of() : List.of(siteCategory);
    }

    /** The {@link #CATEGORIES} value for these names ({@code |} inside a name becomes {@code /}). */
    static String joinCategories(List<String> names) {
        return String.join("|", names.stream().map(n -> n.replace('|', '/')).toList());
    }

    /** An article with only an id, a title and a body. */
    public static Article of(String id, String title, String body) {
        return new Article(id, title, body, null, null, null, List.of(), null, null, Map.of());
    }

    /** The same article with the given label. */
    public Article withLabel(String newLabel) {
        return new Article(id, title, body, author, published, siteCategory, tags, url, newLabel, attributes);
    }

    /** A field by name: the record's own fields first ({@code siteCategory} also as {@code site_category}), then attributes. */
    public String field(String name) {
        return switch (name) {
            case "id" -> id;
            case "title" -> title;
            case "author" -> author;
            case "label" -> label;
            case "url" -> url;
            case "siteCategory", "site_category" -> siteCategory;
            case "published" -> published == null ? null : published.toString();
            default -> attributes.get(name);
        };
    }

    /**
     * The article in the corpus schema the trainer reads ({@code id, title, text, label} and, when set, {@code author,
     * site_category, published, url, tags}): one line of a JSONL corpus.
     */
    public Map<String, Object> toCorpusFields() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", id);
        m.put("title", title);
        m.put("text", body);
        m.put("label", label);
        putIfSet(m, "author", author);
        putIfSet(m, "site_category", siteCategory);
        putIfSet(m, "published", published == null ? null : published.toString());
        putIfSet(m, "url", url);
        if (!tags.isEmpty()) {
            m.put("tags", tags);
        }
        return m;
    }

    private static void putIfSet(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }
}
