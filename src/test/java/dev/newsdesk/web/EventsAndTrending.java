package dev.newsdesk.web;

import static dev.newsdesk.web.TestServer.WRITE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.article.ArticleStore;
import dev.newsdesk.article.StoredArticle;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Events in, Trending out, through a real server; run on H2 and on PostgreSQL by the subclasses. */
@ServerTest
abstract class EventsAndTrending {

    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0";

    @LocalServerPort
    int port;

    @Autowired
    ArticleStore store;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    String storeCrime(String prefix) {
        return storeCrime(api, prefix);
    }

    /** Stores a published crime article in category Metro; returns its new id. */
    static String storeCrime(Api api, String prefix) {
        String id = ApiRoundTrips.unique(prefix);
        Api.Response r = api.put("/api/v1/articles/" + id)
                .key(WRITE_KEY)
                .json(Api.JSON
                        .createObjectNode()
                        .put("title", ApiRoundTrips.CRIME_TITLE)
                        .put("text", ApiRoundTrips.CRIME_TEXT)
                        .put(
                                "published",
                                Instant.now().minus(1, ChronoUnit.HOURS).toString())
                        .put("siteCategory", "Metro")
                        .toString())
                .send();
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return id;
    }

    static String views(String id, int n) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add("{\"articleId\":\"" + id + "\",\"visitorId\":\"" + UUID.randomUUID() + "\"}");
        }
        return "[" + String.join(",", events) + "]";
    }

    Api.Response post(String json) {
        return api.post("/api/v1/events")
                .header("User-Agent", BROWSER)
                .json(json)
                .send();
    }

    List<String> trendingIds(String query) {
        Api.Response r = api.get("/api/v1/trending?" + query).send();
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().path("items").forEach(i -> ids.add(i.path("id").asString()));
        return ids;
    }

    @Test
    void eventsAreAcceptedAndTheArticleTrendsWithItsScoreExplained() {
        String id = storeCrime("trend");

        Api.Response r = post(views(id, 50));

        assertThat(r.status()).as(r.text()).isEqualTo(202);
        assertThat(r.json().path("accepted").asInt()).isEqualTo(50);
        Api.Response list =
                api.get("/api/v1/trending?window=now&limit=100&explain=true").send();
        JsonNode item = null;
        for (JsonNode i : list.json().path("items")) {
            if (i.path("id").asString().equals(id)) {
                item = i;
            }
        }
        assertThat(item).as(list.text()).isNotNull();
        assertThat(item.path("label").asString()).isEqualTo("Crime");
        assertThat(item.path("siteCategory").asString()).isEqualTo("Metro");
        assertThat(item.path("explanation").path("counts").path("view").asLong())
                .isEqualTo(50);
        assertThat(item.path("explanation").path("engagement").asDouble()).isPositive();
        assertThat(list.json().path("scope").asString()).isEqualTo("all");
        assertThat(list.json().path("window").asString()).isEqualTo("now");
    }

    @Test
    void aSingleBeaconEventMayComeAsPlainText() {
        String id = storeCrime("beacon");

        Api.Response r = api.post("/api/v1/events")
                .header("User-Agent", BROWSER)
                .body("text/plain;charset=UTF-8", "{\"articleId\":\"" + id + "\",\"type\":\"read\",\"seconds\":40}")
                .send();

        assertThat(r.status()).as(r.text()).isEqualTo(202);
        assertThat(r.json().path("accepted").asInt()).isEqualTo(1);
    }

    @Test
    void botsRepeatsAndDraftsAreDroppedAndCountedByReason() {
        String id = storeCrime("drops");
        String draft = ApiRoundTrips.unique("draft");
        api.put("/api/v1/articles/" + draft + "?draft=true")
                .key(WRITE_KEY)
                .body("text/plain", ApiRoundTrips.CRIME_TITLE + "\n" + ApiRoundTrips.CRIME_TEXT)
                .send();
        String once = "{\"articleId\":\"" + id + "\",\"visitorId\":\"reader-1\"}";

        Api.Response bot = api.post("/api/v1/events")
                .header("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
                .json(views(id, 1))
                .send();
        Api.Response repeat = post("[" + once + "," + once + "]");
        Api.Response drafted = post(views(draft, 1));
        Api.Response unknown = post(views("no-such-article-" + UUID.randomUUID(), 1));

        assertThat(bot.json().path("dropped").path("bot").asInt()).isEqualTo(1);
        assertThat(repeat.json().path("accepted").asInt()).isEqualTo(1);
        assertThat(repeat.json().path("dropped").path("duplicate").asInt()).isEqualTo(1);
        assertThat(drafted.json().path("dropped").path("unpublished").asInt()).isEqualTo(1);
        assertThat(unknown.json().path("dropped").path("unknown_article").asInt())
                .isEqualTo(1);
        System.gc(); // a gauge whose object only Micrometer's weak reference holds would read NaN from here on
        assertThat(api.get("/actuator/prometheus").send().text())
                .containsPattern("newsdesk_events_total\\{application=\"newsdesk\",outcome=\"bot\"} [1-9]")
                .containsPattern("newsdesk_events_total\\{application=\"newsdesk\",outcome=\"duplicate\"} [1-9]")
                .contains("newsdesk_trending_latency_seconds_count")
                .containsPattern("newsdesk_trending_articles\\{application=\"newsdesk\"} [1-9]")
                .containsPattern("newsdesk_trending_log_bytes\\{application=\"newsdesk\"} [1-9]");
    }

    @Test
    void anArticleStoredThroughAnotherNodeCountsFromItsFirstEvent() {
        String id = ApiRoundTrips.unique("elsewhere");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store.save(new StoredArticle(
                id,
                "Stored by another node",
                "Text.",
                null,
                now,
                null,
                List.of(),
                null,
                false,
                new StoredArticle.ModelLabel("News", 0.9, Map.of("News", 0.9), false, "v"),
                null,
                now,
                now));

        Api.Response r = post(views(id, 2));

        assertThat(r.json().path("accepted").asInt()).as(r.text()).isEqualTo(2);
    }

    @Test
    void listsAreScopedByLabelAndCategoryAndRisingIsAWindow() {
        String id = storeCrime("scoped");
        post(views(id, 20));

        assertThat(trendingIds("scope=label:crime&limit=100")).contains(id);
        assertThat(trendingIds("scope=label:News&limit=100")).doesNotContain(id);
        assertThat(trendingIds("scope=category:Metro&window=today&limit=100")).contains(id);
        assertThat(api.get("/api/v1/trending?window=rising").send().status()).isEqualTo(200);
    }

    @Test
    void serverSideEventsWithAKeyNeedNoBrowser() {
        String id = storeCrime("cms");

        Api.Response r = api.post("/api/v1/events")
                .key(WRITE_KEY)
                .json("[{\"articleId\":\"" + id + "\",\"type\":\"comment\",\"visitorId\":\"commenter-9\"}]")
                .send();

        assertThat(r.status()).isEqualTo(202);
        assertThat(r.json().path("accepted").asInt()).isEqualTo(1);
    }

    @Test
    void sitePagesMayCallEventsAndTrendingCrossOriginOthersMayNot() {
        Api.Response allowed = api.method("OPTIONS", "/api/v1/events")
                .header("Origin", "https://site.example")
                .header("Access-Control-Request-Method", "POST")
                .send();
        Api.Response read = api.get("/api/v1/trending")
                .header("Origin", "https://site.example")
                .send();
        Api.Response refused = api.method("OPTIONS", "/api/v1/events")
                .header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .send();
        Api.Response writes = api.method("OPTIONS", "/api/v1/articles/x")
                .header("Origin", "https://site.example")
                .header("Access-Control-Request-Method", "PUT")
                .send();

        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://site.example");
        assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo("https://site.example");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(writes.header("Access-Control-Allow-Origin")).isNull();
    }
}
