package dev.newsdesk.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The fields of one WXR {@code <item>} while it is read, and the article they make. */
final class WxrItem {

    /** The item fields Newsdesk keeps, by namespace-qualified name; the first occurrence of each wins. */
    static final Set<String> FIELDS = Set.of(
            "title",
            "link",
            "pubDate",
            "guid",
            "content:encoded",
            "dc:creator",
            "wp:post_id",
            "wp:post_date",
            "wp:post_date_gmt",
            "wp:post_name",
            "wp:status",
            "wp:post_type",
            "wp:post_password",
            "wp:is_sticky");

    private final Map<String, String> fields = new HashMap<>();
    private final List<Term> terms = new ArrayList<>();

    private record Term(String domain, String nicename, String name) {}

    boolean has(String key) {
        return fields.containsKey(key);
    }

    void put(String key, String value) {
        fields.put(key, value);
    }

    void category(String domain, String nicename, String name) {
        String n = HtmlText.inline(name);
        if (!n.isEmpty()) {
            terms.add(new Term(domain == null ? "category" : domain, nicename, n));
        }
    }

    /** The article, or null when the options pass this item over (its post type or status). */
    Article toArticle(String source, int index, Map<String, String> authorNames, String version, ReadOptions options) {
        String type = get("wp:post_type");
        String status = get("wp:status");
        if (!options.keeps(type, status)) {
            return null;
        }
        String creator = get("dc:creator");
        String author = authorNames.getOrDefault(creator, creator);
        List<String> categories = names("category");
        List<String> tags = names("post_tag");
        tags.addAll(names("tag")); // WXR 1.0 calls tags "tag"

        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("post_type", type);
        attributes.put("status", status);
        attributes.put("wxr_version", version);
        putIfSet(attributes, "guid", get("guid"));
        putIfSet(attributes, "slug", get("wp:post_name"));
        if (get("wp:is_sticky").equals("1")) {
            attributes.put("sticky", "true");
        }
        if (!get("wp:post_password").isEmpty()) {
            attributes.put("password_protected", "true");
        }
        if (categories.size() > 1) {
            attributes.put(Article.CATEGORIES, Article.joinCategories(categories));
        }
        String id = first(get("wp:post_id"), get("guid"), source + "#" + index);
        String url = get("link");
        return new Article(
                id,
                HtmlText.inline(fields.get("title")),
                HtmlText.ofWordPress(fields.get("content:encoded")),
                author.isEmpty() ? null : author,
                published(),
                categories.isEmpty() ? null : categories.getFirst(),
                List.copyOf(new LinkedHashSet<>(tags)),
                url.isEmpty() ? null : url,
                null,
                attributes);
    }

    /** GMT post date first (what WordPress stores), then the RSS date, then the site-local date taken as UTC. */
    private Instant published() {
        for (String key : List.of("wp:post_date_gmt", "pubDate", "wp:post_date")) {
            try {
                Instant t = Dates.parse(get(key));
                if (t != null) {
                    return t;
                }
            } catch (IllegalArgumentException e) {
                // an unreadable date leaves the next source to try; a post without a date is still a post
            }
        }
        return null;
    }

    /**
     * Term names of a domain. Like the WordPress importer, terms with a {@code nicename} are the real ones (WXR 1.0
     * repeats each without it); a file with none of those falls back to the bare ones.
     */
    private List<String> names(String domain) {
        List<String> withSlug = new ArrayList<>();
        List<String> bare = new ArrayList<>();
        for (Term t : terms) {
            if (t.domain().equals(domain)) {
                (t.nicename() != null ? withSlug : bare).add(t.name());
            }
        }
        List<String> chosen = withSlug.isEmpty() ? bare : withSlug;
        return new ArrayList<>(new LinkedHashSet<>(chosen));
    }

    private String get(String key) {
        String v = fields.get(key);
        return v == null ? "" : v.strip();
    }

    private static void putIfSet(Map<String, String> m, String key, String value) {
        if (!value.isEmpty()) {
            m.put(key, value);
        }
    }

    private static String first(String... values) {
        for (String v : values) {
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }
}
