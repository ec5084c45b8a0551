package dev.newsdesk.site;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A trending list as a JSON Feed 1.1 document. Items carry their rank in the {@code _newsdesk} extension object;
 * nothing in the document changes unless the list does, so its ETag holds while the order holds.
 */
final class JsonFeed {

    static final String VERSION = "https://jsonfeed.org/version/1.1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonFeed() {}

    /** The feed of {@code list}; {@code self} is the feed's own address, {@code home} the site's. */
    static String render(SiteList list, URI self, URI home) {
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("version", VERSION);
        feed.put("title", list.title());
        feed.put("home_page_url", home.toString());
        feed.put("feed_url", self.toString());
        feed.put("description", "The articles readers are engaging with most, best first, from Newsdesk.");
        List<Map<String, Object>> items = new ArrayList<>(list.items().size());
        for (ListedArticle a : list.items()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", a.id());
            String url = Html.href(self, a.url());
            if (!url.equals("#")) {
                item.put("url", url);
            }
            item.put("title", a.title());
            item.put("content_text", a.title());
            item.put("date_published", a.published().toString());
            if (!a.category().isEmpty()) {
                item.put("tags", List.of(a.category()));
            }
            item.put("_newsdesk", Map.of("rank", a.rank()));
            items.add(item);
        }
        feed.put("items", items);
        return JSON.writeValueAsString(feed);
    }
}
