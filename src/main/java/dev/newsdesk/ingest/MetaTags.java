package dev.newsdesk.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A page's meta tags by {@code property}, {@code name} or {@code itemprop}, gathered in one pass. */
final class MetaTags {
    private final Map<String, List<String>> values = new HashMap<>();

    MetaTags(Document doc) {
        for (Element e : doc.getElementsByTag("meta")) {
            String content = e.attr("content");
            for (String key : List.of("property", "name", "itemprop")) {
                String k = e.attr(key);
                if (!k.isEmpty() && !content.isBlank()) {
                    values.computeIfAbsent(k, x -> new ArrayList<>()).add(content);
                }
            }
        }
    }

    String first(String key) {
        List<String> v = values.get(key);
        return v == null ? "" : HtmlText.inline(v.getFirst());
    }

    List<String> all(String key) {
        return values.getOrDefault(key, List.of());
    }
}
