package dev.newsdesk.web;

import static dev.newsdesk.web.TestServer.WRITE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** One network making up visitor ids counts as at most the quota's readers of an article; the CMS is exempt. */
@ServerTest
@TestPropertySource(properties = "newsdesk.events.per-network-article=3")
class EventNetworkQuotaTest {

    @LocalServerPort
    int port;

    @Autowired
    NetworkQuota quota;

    @Test
    void aNetworkCountsAtMostItsQuotaOfViewsOfOneArticleWhateverVisitorIdsItSends() {
        Api api = new Api(port);
        String gamed = EventsAndTrending.storeCrime(api, "quota");
        String other = EventsAndTrending.storeCrime(api, "quota-other");
        double before = overQuota(api);

        Api.Response five = post(api, EventsAndTrending.views(gamed, 5));
        Api.Response more = post(api, EventsAndTrending.views(gamed, 2));
        Api.Response elsewhere = post(api, EventsAndTrending.views(other, 2));
        Api.Response keyed = api.post("/api/v1/events")
                .key(WRITE_KEY)
                .json(EventsAndTrending.views(gamed, 4))
                .send();

        assertThat(five.status()).as(five.text()).isEqualTo(202);
        assertThat(five.json().path("accepted").asInt()).isEqualTo(3);
        assertThat(five.json().path("dropped").path("network_quota").asInt()).isEqualTo(2);
        assertThat(more.json().path("accepted").asInt()).isZero();
        assertThat(elsewhere.json().path("accepted").asInt()).isEqualTo(2);
        assertThat(keyed.json().path("accepted").asInt()).isEqualTo(4);
        assertThat(overQuota(api) - before).isEqualTo(4);
    }

    @Test
    void repeatsAndMadeUpArticlesDoNotUseTheQuotaUp() {
        Api api = new Api(port);
        String id = EventsAndTrending.storeCrime(api, "quota-repeat");
        String sameReader = "{\"articleId\":\"" + id + "\",\"visitorId\":\"reader-1\"}";

        int accepted = 0;
        for (int i = 0; i < 5; i++) { // a reader pressing F5: one beacon request each time
            accepted += post(api, sameReader).json().path("accepted").asInt();
        }
        Api.Response others = post(api, EventsAndTrending.views(id, 2));
        int pairs = quota.pairs();
        post(api, EventsAndTrending.views("no-such-article", 3));
        Api.Response madeUp = post(api, EventsAndTrending.views("no-such-article", 3));

        assertThat(accepted).isEqualTo(1);
        assertThat(others.json().path("accepted").asInt()).isEqualTo(2);
        assertThat(madeUp.json().path("dropped").path("unknown_article").asInt())
                .isEqualTo(3);
        assertThat(quota.pairs()).isEqualTo(pairs);
    }

    private static double overQuota(Api api) {
        var m = java.util.regex.Pattern.compile(
                        "newsdesk_events_total\\{application=\"newsdesk\",outcome=\"network_quota\"} (\\S+)")
                .matcher(api.get("/actuator/prometheus").send().text());
        assertThat(m.find()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static Api.Response post(Api api, String json) {
        return api.post("/api/v1/events")
                .header("User-Agent", EventsAndTrending.BROWSER)
                .json(json)
                .send();
    }
}
