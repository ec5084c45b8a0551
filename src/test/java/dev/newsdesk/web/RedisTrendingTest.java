package dev.newsdesk.web;

import static dev.newsdesk.web.TestServer.WRITE_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The same API with Trending in Redis at 127.0.0.1:6379 (fails, never skips, when Redis is not there). */
@ServerTest
@TestPropertySource(
        properties = {
            "newsdesk.trending.backend=redis",
            "newsdesk.trending.redis-uri=redis://127.0.0.1:6379",
            "newsdesk.trending.sync-interval=0"
        })
class RedisTrendingTest {

    static final String PREFIX = "newsdesk-web-test:" + UUID.randomUUID();

    @DynamicPropertySource
    static void keyPrefix(DynamicPropertyRegistry registry) {
        registry.add("newsdesk.trending.redis-key-prefix", () -> PREFIX);
    }

    @AfterAll
    static void removeTheKeys() {
        RedisClient client = RedisClient.create("redis://127.0.0.1:6379");
        try (var c = client.connect()) {
            List<String> keys = c.sync().keys(PREFIX + "*");
            if (!keys.isEmpty()) {
                c.sync().del(keys.toArray(String[]::new));
            }
        } finally {
            client.shutdown();
        }
    }

    @LocalServerPort
    int port;

    @Test
    void healthShowsRedisAndEventsReachTheSharedList() {
        Api api = new Api(port);
        String id = ApiRoundTrips.unique("redis");
        api.put("/api/v1/articles/" + id)
                .key(WRITE_KEY)
                .json(Api.JSON
                        .createObjectNode()
                        .put("title", ApiRoundTrips.CRIME_TITLE)
                        .put("text", ApiRoundTrips.CRIME_TEXT)
                        .put("published", Instant.now().minusSeconds(600).toString())
                        .toString())
                .send();

        Api.Response health = api.get("/actuator/health").send();
        Api.Response events = api.post("/api/v1/events")
                .header("User-Agent", EventsAndTrending.BROWSER)
                .json(EventsAndTrending.views(id, 30))
                .send();

        assertThat(health.json().path("components").path("redis").path("status").asString())
                .as(health.text())
                .isEqualTo("UP");
        assertThat(events.json().path("accepted").asInt()).as(events.text()).isEqualTo(30);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/trending?limit=100").send().text().contains(id));
    }
}
