package dev.newsdesk.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsdesk.support.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The scale-out topology of docker/compose.yml without Docker: two {@code newsdesk serve} processes on their own
 * ports and data directories, sharing PostgreSQL, Redis and a watched model directory, as the containers do.
 */
class TwoNodeTest {

    static final String WRITE_KEY = "two-node-write-key-0001";
    static final String ADMIN_KEY = "two-node-admin-key-0001";
    /** As docker/compose.yml sets it. */
    static final String SYNC_INTERVAL = "2s";

    @TempDir
    static Path dir;

    static SharedStores stores;
    static Path models;
    static ServeProcess nodeA;
    static ServeProcess nodeB;
    static NodeClient a;
    static NodeClient b;

    @BeforeAll
    static void startTwoNodes() throws IOException {
        stores = SharedStores.create();
        models = Files.createDirectories(dir.resolve("models"));
        TestModels.write(models.resolve("first.ndm"), TestModels.FIRST);
        nodeA = ServeProcess.start("a", dir, settings("a"));
        nodeB = ServeProcess.start("b", dir, settings("b"));
        a = new NodeClient("a", nodeA.port());
        b = new NodeClient("b", nodeB.port());
        nodeA.awaitReady(a);
        nodeB.awaitReady(b);
    }

    /** What docker/compose.yml gives each node: shared stores and model directory, a data directory of its own. */
    private static List<String> settings(String node) throws IOException {
        List<String> s = new ArrayList<>(stores.settings());
        s.addAll(List.of(
                "--newsdesk.data.directory=" + Files.createDirectories(dir.resolve("data-" + node)),
                "--newsdesk.classify.model-directory=" + models,
                "--newsdesk.trending.sync-interval=" + SYNC_INTERVAL,
                "--newsdesk.security.write-keys=" + WRITE_KEY,
                "--newsdesk.security.admin-keys=" + ADMIN_KEY));
        return s;
    }

    @AfterAll
    static void stopNodes() {
        try (SharedStores s = stores;
                ServeProcess x = nodeA;
                ServeProcess y = nodeB) {
            // closing in reverse order: the nodes first, then their stores
        }
    }

    @Test
    void anArticleStoredThroughOneNodeIsReadFromTheOther() {
        JsonNode stored = a.put(
                        "/api/v1/articles/two-node-1",
                        WRITE_KEY,
                        article(
                                "Police arrest two robbery suspects",
                                "Officers arrested two suspects after the robbery and charged them in court on Tuesday."))
                .expect(201);

        JsonNode read = b.get("/api/v1/articles/two-node-1").expect(200);

        assertThat(read.path("title").asString()).isEqualTo("Police arrest two robbery suspects");
        assertThat(read.path("label").asString()).isEqualTo(stored.path("label").asString());
        assertThat(read.path("model")).isEqualTo(stored.path("model"));
        assertThat(read.path("text").asString()).contains("charged them in court");
    }

    @Test
    void aModelPublishedThroughOneNodeIsServedByTheOther() throws IOException {
        String first = b.get("/api/v1/model").expect(200).path("version").asString();
        Path incoming = models.resolve(".incoming-second");
        String second = TestModels.write(incoming, TestModels.SECOND).version();
        assertThat(second).isNotEqualTo(first);
        // published as docker/publish-model.sh does: written aside, then renamed into the watched directory
        Files.move(incoming, models.resolve("second.ndm"), StandardCopyOption.ATOMIC_MOVE);

        JsonNode reloaded = a.post("/api/v1/model/reload", ADMIN_KEY, null).expect(200);
        assertThat(reloaded.path("version").asString()).isEqualTo(second);

        // node B was not told: it finds the model in the directory it watches
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> b.get("/api/v1/model").expect(200).path("version").asString(), second::equals);
        JsonNode prediction = b.post(
                        "/api/v1/classify",
                        WRITE_KEY,
                        article("Court jails fraudster", "The judge sentenced the man to five years for fraud."))
                .expect(200);
        assertThat(prediction.path("modelVersion").asString()).isEqualTo(second);
    }

    @Test
    void eventsSentToOneNodeAppearInTheOthersTrendingWithinTwoSeconds() {
        List<String> ids = List.of("two-node-trend-1", "two-node-trend-2", "two-node-trend-3");
        for (String id : ids) {
            a.put(
                            "/api/v1/articles/" + id,
                            WRITE_KEY,
                            article(
                                    "Market traders count losses after fire " + id,
                                    "Traders"
                                            + " at the central market counted their losses on Monday after a fire burnt dozens of"
                                            + " stalls."))
                    .expect(201);
        }
        // node B lists an article stored through A once it has its metadata, read from the store every sync interval
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> trendingIds(b).containsAll(ids));
        String rising = ids.stream()
                .filter(id -> !id.equals(trendingIds(b).getFirst()))
                .findFirst()
                .orElseThrow();

        List<String> views = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            views.add(event(rising, "visitor-" + i));
        }
        long sent = System.nanoTime();
        JsonNode recorded = a.post("/api/v1/events", null, "[" + String.join(",", views) + "]")
                .expect(202);
        assertThat(recorded.path("accepted").asInt()).as(recorded.toString()).isEqualTo(5);

        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> trendingIds(b).getFirst(), rising::equals);
        Duration took = Duration.ofNanos(System.nanoTime() - sent);
        System.out.println("events sent to node A were on node B's list after " + took.toMillis() + " ms");
        JsonNode top = b.get("/api/v1/trending?window=now&limit=10&explain=true")
                .expect(200)
                .path("items")
                .get(0);
        assertThat(top.path("explanation").path("counts").path("view").asLong()).isEqualTo(5);
        assertThat(took).isLessThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void anArticleDeletedThroughOneNodeLeavesTheOthersTrendingWithinTheSyncInterval() {
        String id = "two-node-deleted-1";
        a.put(
                        "/api/v1/articles/" + id,
                        WRITE_KEY,
                        article(
                                "Council shuts flooded underpass " + id,
                                "The council shut the underpass on Tuesday after a night of rain left it under water."))
                .expect(201);
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> trendingIds(b).contains(id));
        a.delete("/api/v1/articles/" + id, WRITE_KEY).expect(204);
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !trendingIds(b).contains(id));
        assertThat(trendingIds(a)).doesNotContain(id);
    }

    private static List<String> trendingIds(NodeClient node) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item :
                node.get("/api/v1/trending?window=now&limit=10").expect(200).path("items")) {
            ids.add(item.path("id").asString());
        }
        return ids;
    }

    @Test
    void everyDashboardQueryNamesAMetricTheNodesExpose() {
        a.put(
                        "/api/v1/articles/two-node-metrics",
                        WRITE_KEY,
                        article(
                                "Council passes budget",
                                "The council passed"
                                        + " the budget on Monday after a long debate about roads and schools."))
                .expect(201);
        a.post("/api/v1/events", null, event("two-node-metrics", "visitor-metrics"))
                .expect(202);
        a.get("/api/v1/trending?window=now&limit=5").expect(200);
        NodeClient.Reply scrape = a.get("/actuator/prometheus");
        assertThat(scrape.status()).as(scrape.body()).isEqualTo(200);
        Set<String> exposed = exposedMetrics(scrape.body());

        List<String> unknown = new ArrayList<>();
        for (Dashboard.Query q : Dashboard.load().queries()) {
            for (String metric : q.metrics()) {
                if (!exposed.contains(metric) && !Dashboard.PROMETHEUS_OWN.contains(metric)) {
                    unknown.add(q.where() + ": " + metric);
                }
            }
        }
        assertThat(unknown)
                .as("metrics the dashboard queries that a node does not expose")
                .isEmpty();
    }

    /** The metric names in a Prometheus text exposition. */
    private static Set<String> exposedMetrics(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    static String event(String articleId, String visitor) {
        return NodeClient.json(Map.of("articleId", articleId, "type", "view", "visitorId", visitor));
    }

    static String article(String title, String text) {
        return NodeClient.json(
                Map.of("title", title, "text", text, "published", Instant.now().toString(), "siteCategory", "Metro"));
    }
}
