package dev.newsdesk.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The article object of a page's JSON-LD ({@code NewsArticle}, {@code BlogPosting} ...), as far as Newsdesk uses it.
 * Pages often carry broken JSON-LD; that is the site's problem, not the reader's, so it is passed over.
 */
record JsonLd(
        String headline,
        String author,
        String datePublished,
        String url,
        List<String> sections,
        List<String> keywords) {

    private static final JsonLd NONE = new JsonLd("", "", "", "", List.of(), List.of());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> ARTICLE_TYPES = Set.of(
            "Article",
            "NewsArticle",
            "BlogPosting",
            "ReportageNewsArticle",
            "OpinionNewsArticle",
            "AnalysisNewsArticle",
            "BackgroundNewsArticle",
            "ReviewNewsArticle",
            "Report",
            "LiveBlogPosting");
    private static final int MAX_NODES = 10_000;
    private static final Evaluator SCRIPT = QueryParser.parse("script[type=application/ld+json]");

    static JsonLd find(Document doc) {
        for (Element script : doc.select(SCRIPT)) {
            JsonNode root;
            try {
                root = JSON.readTree(script.data());
            } catch (JacksonException e) {
                continue;
            }
            JsonNode article = articleNode(root);
            if (article != null) {
                return of(article);
            }
        }
        return NONE;
    }

    private static JsonNode articleNode(JsonNode root) {
        Deque<JsonNode> todo = new ArrayDeque<>();
        if (root != null) {
            todo.add(root);
        }
        // breadth first and bounded: a page's JSON-LD is small, a hostile one must not cost more than that
        for (int seen = 0; !todo.isEmpty() && seen < MAX_NODES; seen++) {
            JsonNode n = todo.poll();
            if (n.isObject() && isArticle(n.get("@type"))) {
                return n;
            }
            if (n.isArray()) {
                n.forEach(todo::add);
            } else if (n.isObject() && n.has("@graph")) {
                todo.add(n.get("@graph"));
            }
        }
        return null;
    }

    private static boolean isArticle(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (ARTICLE_TYPES.contains(t.asString(""))) {
                    return true;
                }
            }
            return false;
        }
        return ARTICLE_TYPES.contains(type.asString(""));
    }

    private static JsonLd of(JsonNode n) {
        return new JsonLd(
                HtmlText.inline(string(n.get("headline"))),
                String.join(", ", names(n.get("author"))),
                string(n.get("datePublished")),
                first(string(n.get("url")), string(n.get("mainEntityOfPage"))),
                names(n.get("articleSection")),
                keywords(n.get("keywords")));
    }

    private static String string(JsonNode n) {
        if (n == null || n.isNull()) {
            return "";
        }
        if (n.isObject()) {
            return first(string(n.get("@id")), string(n.get("name")));
        }
        return n.isValueNode() ? n.asString("") : "";
    }

    /** Names from a string, an object with {@code name}, or an array of either. */
    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        for (JsonNode item : n.isArray() ? n : List.of(n)) {
            String name = item.isObject() ? string(item.get("name")) : string(item);
            if (!name.isBlank()) {
                out.add(HtmlText.inline(name));
            }
        }
        return out;
    }

    private static List<String> keywords(JsonNode n) {
        if (n != null && n.isValueNode()) {
            return Arrays.stream(n.asString("").split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
        return names(n);
    }

    private static String first(String a, String b) {
        return a.isBlank() ? b : a;
    }
}
