package dev.newsdesk.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code beacon.js} in headless Chromium against a tiny server that records what reaches {@code POST
 * /api/v1/events}: when a view and a read are sent, in what shape, with which visitor id, and when nothing is sent.
 */
class BeaconBrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<Received> received = new CopyOnWriteArrayList<>();
    private static HttpServer server;
    private static Browser browser;

    record Received(String contentType, JsonNode body) {}

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/beacon.js", x -> {
            try (InputStream in = BeaconBrowserTest.class.getResourceAsStream("/static/beacon.js")) {
                send(x, 200, "text/javascript", in.readAllBytes());
            }
        });
        server.createContext("/article", x -> send(x, 200, "text/html", page(x).getBytes(StandardCharsets.UTF_8)));
        server.createContext("/front", x -> send(x, 200, "text/html", front(x).getBytes(StandardCharsets.UTF_8)));
        server.createContext("/api/v1/events", x -> {
            byte[] body = x.getRequestBody().readAllBytes();
            received.add(new Received(x.getRequestHeaders().getFirst("Content-Type"), JSON.readTree(body)));
            send(x, 202, "text/plain", new byte[0]);
        });
        server.start();
        browser = Browser.start(false);
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            server.stop(0);
        }
    }

    @BeforeEach
    void forget() {
        received.clear();
    }

    private static String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** An article page with the beacon; the query string sets its data attributes. */
    private static String page(HttpExchange x) {
        var q = x.getRequestURI().getQuery() == null ? "" : x.getRequestURI().getQuery();
        String viewAfter = param(q, "view", "0.3");
        String readAfter = param(q, "read", "15");
        return "<!doctype html><html><head><title>Article</title></head><body style=\"height:3000px\">"
                + "<h1>An article</h1><a id=\"away\" href=\"/front\">front page</a>"
                + "<script src=\"/beacon.js\" data-article=\"" + param(q, "id", "a1") + "\" data-view-after=\""
                + viewAfter + "\" data-read-after=\"" + readAfter + "\" async></script></body></html>";
    }

    /** A front page that asks the browser to prerender an article and links to it. */
    private static String front(HttpExchange x) {
        return "<!doctype html><html><head><title>Front</title><script type=\"speculationrules\">"
                + "{\"prerender\":[{\"source\":\"list\",\"urls\":[\"/article?id=pre\"]}]}</script></head><body>"
                + "<a id=\"go\" href=\"/article?id=pre\">read</a></body></html>";
    }

    private static String param(String query, String name, String fallback) {
        for (String kv : query.split("&")) {
            if (kv.startsWith(name + "=")) {
                return kv.substring(name.length() + 1);
            }
        }
        return fallback;
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        x.getResponseHeaders().set("Cache-Control", "no-store");
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (var out = x.getResponseBody()) {
            out.write(body);
        }
    }

    private static List<Received> waitForEvents(int n) {
        return browser.waitFor(Duration.ofSeconds(10), d -> received.size() >= n ? List.copyOf(received) : null);
    }

    private static void quietFor(Duration d) throws InterruptedException {
        // an absence can only be observed over time: the page had the whole view delay and more to send
        Thread.sleep(d.toMillis());
    }

    @Test
    void sendsOneViewAsATextPlainJsonBeaconAfterThePageHasBeenVisibleForTheDelay() throws Exception {
        browser.open(base() + "/article?id=a1&view=1.5");
        quietFor(Duration.ofMillis(700));
        assertThat(received).as("nothing before the view delay").isEmpty();

        Received view = waitForEvents(1).getFirst();
        browser.screenshot("beacon-article-viewed");

        assertThat(view.contentType()).startsWith("text/plain");
        assertThat(view.body().get("articleId").asString()).isEqualTo("a1");
        assertThat(view.body().get("type").asString()).isEqualTo("view");
        assertThat(view.body().get("visitorId").asString())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        quietFor(Duration.ofMillis(500));
        assertThat(received).as("one view per page").hasSize(1);
    }

    @Test
    void keepsOneRandomVisitorIdForTheSiteAcrossPages() {
        browser.open(base() + "/article?id=a1&view=0.1");
        String first = waitForEvents(1).getFirst().body().get("visitorId").asString();
        browser.open(base() + "/article?id=a2&view=0.1");
        String second = waitForEvents(2).get(1).body().get("visitorId").asString();

        assertThat(second).isEqualTo(first);
        assertThat(browser.script("return localStorage.getItem('newsdesk.visitor')"))
                .isEqualTo(first);
    }

    @Test
    void sendsAReadWithTheEngagedSecondsWhenTheReaderLeavesAfterReading() throws Exception {
        browser.open(base() + "/article?id=a1&view=0.1&read=1");
        waitForEvents(1);
        for (int i = 0; i < 6; i++) {
            new Actions(browser.driver()).scrollByAmount(0, 200).perform();
            Thread.sleep(250);
        }
        browser.driver().findElement(By.id("away")).click();

        Received read = waitForEvents(2).get(1);
        assertThat(read.body().get("type").asString()).isEqualTo("read");
        assertThat(read.body().get("articleId").asString()).isEqualTo("a1");
        assertThat(read.body().get("seconds").asInt()).isBetween(1, 10);
    }

    @Test
    void sendsNoReadWhenTheReaderLeavesBeforeTheEngagedTime() throws Exception {
        browser.open(base() + "/article?id=a1&view=0.1&read=30");
        waitForEvents(1);
        browser.driver().findElement(By.id("away")).click();
        quietFor(Duration.ofMillis(800));

        assertThat(received).extracting(r -> r.body().get("type").asString()).containsExactly("view");
    }

    @Test
    void sendsNothingWhileAPageIsPrerenderedAndCountsItOnceShown() throws Exception {
        browser.open(base() + "/front");
        quietFor(Duration.ofMillis(1500));
        assertThat(received).as("a prerendered article is not a view").isEmpty();

        browser.driver().findElement(By.id("go")).click();
        Received view = waitForEvents(1).getFirst();

        assertThat(view.body().get("articleId").asString()).isEqualTo("pre");
        assertThat(browser.script("return performance.getEntriesByType('navigation')[0].activationStart > 0"))
                .as("the article was really prerendered, then shown")
                .isEqualTo(true);
    }

    @Test
    void sendsNothingUnderGlobalPrivacyControl() throws Exception {
        try (Browser gpc = Browser.start(false)) {
            gpc.beforeEveryPage(
                    "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true})");
            gpc.open(base() + "/article?id=a1&view=0.1");
            assertThat(gpc.script("return navigator.globalPrivacyControl")).isEqualTo(true);
            quietFor(Duration.ofMillis(1000));
        }
        assertThat(received).isEmpty();
    }

    @Test
    void sendsNothingWithDoNotTrack() throws Exception {
        try (Browser dnt = Browser.start(true)) {
            dnt.open(base() + "/article?id=a1&view=0.1");
            assertThat(dnt.script("return navigator.doNotTrack")).isEqualTo("1");
            quietFor(Duration.ofMillis(1000));
        }
        assertThat(received).isEmpty();
    }
}
