package dev.newsdesk.web;

import static dev.newsdesk.web.TestServer.WRITE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** A client that sends too much is told to wait; the CMS with its key is not. */
@ServerTest
@TestPropertySource(properties = {"newsdesk.events.rate-per-second=1", "newsdesk.events.burst=5"})
class EventRateLimitTest {

    @LocalServerPort
    int port;

    @Test
    void aClientOverItsBucketGets429WithRetryAfterAndKeyedRequestsAreExempt() {
        Api api = new Api(port);
        String five = EventsAndTrending.views("any-article", 5);

        Api.Response first = api.post("/api/v1/events")
                .header("User-Agent", EventsAndTrending.BROWSER)
                .json(five)
                .send();
        Api.Response second = api.post("/api/v1/events")
                .header("User-Agent", EventsAndTrending.BROWSER)
                .json(five)
                .send();
        Api.Response tooBig = api.post("/api/v1/events")
                .header("User-Agent", EventsAndTrending.BROWSER)
                .json(EventsAndTrending.views("any-article", 6))
                .send();
        Api.Response keyed =
                api.post("/api/v1/events").key(WRITE_KEY).json(five).send();

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.json().path("type").asString()).isEqualTo("urn:newsdesk:problem:rate-limited");
        assertThat(second.header("Retry-After")).isNotBlank();
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(keyed.status()).isEqualTo(202);
        assertThat(api.get("/actuator/prometheus").send().text())
                .containsPattern("newsdesk_events_total\\{application=\"newsdesk\",outcome=\"rate_limited\"} 5");
    }
}
