package dev.newsdesk.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.newsdesk.article.ArticleService;
import dev.newsdesk.article.StoredArticle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The site's endpoints over real HTTP on the whole service: script sizes, feeds, caching, CORS, errors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SiteServer.class)
class SiteServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int TEN_KB = 10 * 1024;

    @LocalServerPort
    int port;

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static int gzipped(byte[] bytes) {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }

    @Autowired
    ArticleService articles;

    @Test
    void storesAndClassifiesTheDemoArticlesAtStart() {
        for (DemoArticle d : DemoArticles.bundled(java.time.Instant.now()).articles()) {
            StoredArticle stored = articles.find(d.id()).orElseThrow();
            assertThat(stored.title()).isEqualTo(d.title());
            assertThat(stored.url()).isEqualTo(d.path());
            assertThat(stored.siteCategory()).isEqualTo(d.category());
            assertThat(stored.label()).isIn("Crime", "News", "Opinion");
        }
    }

    @Autowired
    SiteBackend backend;

    @Test
    void theDemoLeavesTheStoreAtTheFirstStartAfterTheSiteStoresItsOwnArticles() {
        DemoArticles demo = DemoArticles.bundled(java.time.Instant.now());
        String own = "site-own-article-1";
        articles.save(
                own,
                new dev.newsdesk.ingest.Article(
                        own,
                        "Council opens new bus terminal",
                        "The council opened the new bus terminal on Monday, two years after work on it began.",
                        null,
                        java.time.Instant.now(),
                        "metro",
                        java.util.List.of(),
                        "/metro/bus-terminal",
                        null,
                        java.util.Map.of()),
                false);
        try {
            assertThat(backend.loadDemo(demo)).isFalse();
            assertThat(demo.articles())
                    .allSatisfy(d -> assertThat(articles.find(d.id())).isEmpty());
        } finally {
            articles.delete(own);
            assertThat(backend.loadDemo(demo)).isTrue(); // the other tests of this context use the demo
        }
        assertThat(articles.find(demo.articles().getFirst().id())).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/widget.js", "/beacon.js"})
    void eachSnippetAddsUnderTenKilobytesGzippedToAPage(String path) throws Exception {
        HttpResponse<byte[]> r = get(path);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("max-age=300, public");
        int size = gzipped(r.body());
        System.out.printf("%s: %d bytes, %d gzipped%n", path, r.body().length, size);
        assertThat(size).isLessThan(TEN_KB);
    }

    @Test
    void servesTheJsonFeedOfTheDemoListWithItsRequiredFields() throws Exception {
        HttpResponse<byte[]> r = get("/feeds/trending.json?window=today");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/feed+json");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("max-age=60, public");
        JsonNode feed = JsonMapper.builder().build().readTree(r.body());
        assertThat(feed.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("title").asString()).isEqualTo("Trending today");
        assertThat(feed.get("items").size()).isEqualTo(6);
        for (JsonNode item : feed.get("items")) {
            assertThat(item.get("id").asString()).startsWith("demo-");
            assertThat(item.get("url").asString()).startsWith("http://localhost:" + port + "/demo/");
            assertThat(item.has("content_text")).isTrue();
        }
    }

    @Test
    void servesAnRssFeedThatARealParserReadsAndAnswers304ToItsEtag() throws Exception {
        HttpResponse<byte[]> r = get("/feeds/trending.rss?window=week&limit=3");
        String etag = r.headers().firstValue("ETag").orElseThrow();

        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/rss+xml");
        SyndFeed feed = new SyndFeedInput().build(new StringReader(new String(r.body(), "UTF-8")));
        assertThat(feed.getTitle()).isEqualTo("Trending this week");
        assertThat(feed.getEntries()).hasSize(3);
        HttpResponse<byte[]> again = get("/feeds/trending.rss?window=week&limit=3", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void letsAConfiguredSiteFetchTheWidgetFragmentAcrossOrigins() throws Exception {
        HttpResponse<byte[]> site = get("/widget/trending?limit=2", "Origin", SiteServer.SITE_ORIGIN);
        HttpResponse<byte[]> stranger = get("/widget/trending?limit=2", "Origin", "https://elsewhere.example");

        assertThat(site.statusCode()).isEqualTo(200);
        assertThat(site.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SiteServer.SITE_ORIGIN);
        assertThat(new String(site.body(), "UTF-8")).contains("<ol class=\"newsdesk-trending\"");
        assertThat(stranger.statusCode()).isEqualTo(403);
    }

    @Test
    void answersAnUnknownWindowWithAnInvalidParameterProblem() throws Exception {
        HttpResponse<byte[]> r = get("/feeds/trending.json?window=decade");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(new String(r.body(), "UTF-8")).contains("urn:newsdesk:problem:invalid-parameter");
    }
}
