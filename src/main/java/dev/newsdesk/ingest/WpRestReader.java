package dev.newsdesk.ingest;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WordPress REST API posts ({@code /wp/v2/posts}): a collection (array) or one post, with or without {@code _embed}.
 * The collection is streamed, one post in memory at a time. Categories, tags and the author come from
 * {@code _embedded} when the site sent it, else from the id-to-name lookups in {@link ReadOptions}.
 */
final class WpRestReader implements ArticleReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReadOptions options;

    WpRestReader(ReadOptions options) {
        this.options = options;
    }

    @Override
    public Format format() {
        return Format.WP_REST;
    }

    @Override
    public void read(InputStream in, String sourceName, Consumer<Article> sink) {
        try (JsonParser p = JSON.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                int index = 0;
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    index++;
                    emit(p.readValueAsTree(), sourceName, index, p, sink);
                }
                if (p.currentToken() != JsonToken.END_ARRAY) {
                    throw at(sourceName, p.currentTokenLocation(), "each element of the array must be a post object");
                }
            } else if (first == JsonToken.START_OBJECT) {
                emit(p.readValueAsTree(), sourceName, 1, p, sink);
            } else {
                throw at(
                        sourceName,
                        p.currentTokenLocation(),
                        "expected the JSON of /wp/v2/posts: an array of posts or one post object");
            }
            if (p.nextToken() != null) {
                throw at(sourceName, p.currentTokenLocation(), "unexpected content after the posts");
            }
        } catch (JacksonException e) {
            throw malformed(sourceName, e);
        }
    }

    private void emit(JsonNode post, String source, int index, JsonParser p, Consumer<Article> sink) {
        if (!post.has("title") && !post.has("content")) {
            throw at(
                    source,
                    p.currentTokenLocation(),
                    "element " + index + " is not a post: it has neither 'title' nor 'content'"
                            + " (a categories, tags or users file goes to --categories, --tags or --users)");
        }
        String type = text(post.get("type"));
        String status = text(post.get("status"));
        // a response without these fields comes from /wp/v2/posts, whose items are published posts
        if (options.keeps(type.isEmpty() ? "post" : type, status.isEmpty() ? "publish" : status)) {
            sink.accept(toArticle(post, source, index));
        }
    }

    private Article toArticle(JsonNode post, String source, int index) {
        List<String> categories = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        JsonNode embedded = post.path("_embedded");
        JsonNode terms = embedded.path("wp:term");
        if (terms.isArray() && !terms.isEmpty()) {
            for (JsonNode group : terms) {
                for (JsonNode term : group.isArray() ? group : JSON.createArrayNode()) {
                    String taxonomy = text(term.get("taxonomy"));
                    String name = HtmlText.inline(text(term.get("name")));
                    if (name.isEmpty()) {
                        continue;
                    }
                    if (taxonomy.equals("category")) {
                        categories.add(name);
                    } else if (taxonomy.equals("post_tag")) {
                        tags.add(name);
                    }
                }
            }
        } else {
            categories.addAll(lookup(post.get("categories"), options.categoryNames()));
            tags.addAll(lookup(post.get("tags"), options.tagNames()));
        }
        String author = HtmlText.inline(text(embedded.path("author").path(0).get("name")));
        if (author.isEmpty() && post.path("author").isNumber()) {
            author = options.authorNames().getOrDefault(post.path("author").asLong(), "");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        put(attributes, "post_type", text(post.get("type")));
        put(attributes, "status", text(post.get("status")));
        put(attributes, "slug", text(post.get("slug")));
        put(attributes, "guid", rendered(post.get("guid")));
        if (categories.isEmpty()
                && post.path("categories").isArray()
                && !post.path("categories").isEmpty()) {
            // ids without names: kept so a later run with --categories can still tell them apart
            put(attributes, "category_ids", ids(post.get("categories")));
        }
        List<String> cats = List.copyOf(new LinkedHashSet<>(categories));
        if (cats.size() > 1) {
            attributes.put(Article.CATEGORIES, Article.joinCategories(cats));
        }
        String id = text(post.get("id"));
        String url = text(post.get("link"));
        return new Article(
                id.isEmpty() ? source + "#" + index : id,
                HtmlText.inline(rendered(post.get("title"))),
                HtmlText.ofWordPress(rendered(post.get("content"))),
                author.isEmpty() ? null : author,
                published(post),
                cats.isEmpty() ? null : cats.getFirst(),
                List.copyOf(new LinkedHashSet<>(tags)),
                url.isEmpty() ? null : url,
                null,
                attributes);
    }

    /** {@code date_gmt} is UTC without a zone; {@code date} is site time, taken as UTC when nothing better exists. */
    private static Instant published(JsonNode post) {
        for (String key : List.of("date_gmt", "date")) {
            try {
                Instant t = Dates.parse(text(post.get(key)));
                if (t != null) {
                    return t;
                }
            } catch (IllegalArgumentException e) {
                // try the next field; an undated post is still a post
            }
        }
        return null;
    }

    /** {@code {"rendered": "..."}} as the API sends it, or a plain string as some exporters write it. */
    private static String rendered(JsonNode n) {
        if (n == null) {
            return "";
        }
        return n.isObject() ? text(n.get("rendered")) : text(n);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || !n.isValueNode() ? "" : n.asString("").strip();
    }

    private static List<String> lookup(JsonNode ids, Map<Long, String> names) {
        List<String> out = new ArrayList<>();
        if (ids != null && ids.isArray()) {
            for (JsonNode id : ids) {
                String name = id.isIntegralNumber() ? names.get(id.asLong()) : null;
                if (name != null) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    private static String ids(JsonNode ids) {
        List<String> out = new ArrayList<>();
        ids.forEach(i -> out.add(i.asString("")));
        return String.join(",", out);
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (!value.isEmpty()) {
            m.put(key, value);
        }
    }

    /**
     * Reads a {@code /wp/v2/categories}, {@code tags} or {@code users} response into id to name (entities decoded).
     */
    static Map<Long, String> idNames(InputStream in, String sourceName) {
        Map<Long, String> names = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw at(sourceName, p.currentTokenLocation(), "expected a JSON array of objects with 'id' and 'name'");
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                JsonNode n = p.readValueAsTree();
                if (n.path("id").isIntegralNumber() && n.path("name").isString()) {
                    names.put(
                            n.get("id").asLong(), HtmlText.inline(n.get("name").asString()));
                }
            }
            if (p.currentToken() != JsonToken.END_ARRAY) {
                throw at(sourceName, p.currentTokenLocation(), "each element must be an object with 'id' and 'name'");
            }
        } catch (JacksonException e) {
            throw malformed(sourceName, e);
        }
        return names;
    }

    static InputException malformed(String source, JacksonException e) {
        TokenStreamLocation at = e.getLocation();
        return new InputException(
                source,
                at == null ? -1 : at.getLineNr(),
                at == null ? -1 : at.getColumnNr(),
                "malformed JSON: " + e.getOriginalMessage(),
                e);
    }

    private static InputException at(String source, TokenStreamLocation where, String problem) {
        return new InputException(
                source, where == null ? -1 : where.getLineNr(), where == null ? -1 : where.getColumnNr(), problem);
    }
}
