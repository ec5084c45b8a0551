package dev.newsdesk.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class DemoPagesTest {

    private static final Instant LOADED = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant NOW = LOADED.plus(Duration.ofMinutes(10));
    private static final URI BASE = URI.create("http://localhost:8080/");

    private final DemoArticles demo = DemoArticles.bundled(LOADED);
    private final DemoPages pages = new DemoPages(new Layout(), Duration.ofMillis(1500), Duration.ofSeconds(15));

    @Test
    void bundlesAHandfulOfDistinctArticlesYoungEnoughForTheTrendingLists() {
        assertThat(demo.articles()).hasSizeBetween(4, 10);
        assertThat(demo.articles())
                .extracting(DemoArticle::id)
                .doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith("demo-"));
        // the trending engine leaves out articles older than seven days
        assertThat(demo.articles())
                .allMatch(a -> a.hoursAgo() < 7 * 24)
                .allMatch(a -> a.paragraphs().size() >= 2);
        assertThat(demo.articles()).extracting(DemoArticle::hoursAgo).isSorted();
    }

    @Test
    void frontPageListsEveryArticleWithItsLabelAndHasTheWidgetForAllOfThem() {
        Document doc = Jsoup.parse(pages.front(demo, NOW, id -> id.equals("demo-market-fire") ? "News" : null, BASE));

        assertThat(doc.select(".stories h2 a"))
                .extracting(a -> a.attr("href"))
                .containsExactlyElementsOf(
                        demo.articles().stream().map(DemoArticle::path).toList());
        Element fire = doc.selectFirst("a[href=/demo/demo-market-fire]").closest("li");
        assertThat(fire.selectFirst(".badge").text()).isEqualTo("News");
        assertThat(doc.select(".badge").eachText()).contains("unlabelled");
        Element widget = doc.selectFirst("[data-newsdesk-trending]");
        assertThat(widget.attr("data-count"))
                .isEqualTo(String.valueOf(demo.articles().size()));
        assertThat(doc.select("script[src=/widget.js]")).hasSize(1);
        assertThat(doc.select("script[src=/beacon.js]"))
                .as("the front page is not an article")
                .isEmpty();
        assertThat(doc.selectFirst("nav a[aria-current=page]").attr("href")).isEqualTo("/demo");
        assertThat(doc.select("pre code").eachText())
                .anyMatch(s -> s.contains("<script src=\"http://localhost:8080/widget.js\" async></script>"))
                .anyMatch(s -> s.contains("http://localhost:8080/beacon.js"));
    }

    @Test
    void articlePageCarriesTheBeaconForItsArticleWithTheConfiguredDelays() {
        DemoArticle a = demo.find("demo-pharmacy-breakins").orElseThrow();

        Document doc = Jsoup.parse(pages.article(demo, a, NOW, "Crime"));

        Element beacon = doc.selectFirst("script[src=/beacon.js]");
        assertThat(beacon.attr("data-article")).isEqualTo("demo-pharmacy-breakins");
        assertThat(beacon.attr("data-view-after")).isEqualTo("1.5");
        assertThat(beacon.attr("data-read-after")).isEqualTo("15");
        assertThat(doc.selectFirst("h1").text()).isEqualTo(a.title());
        assertThat(doc.select("article > p:not(.kicker):not(.byline)"))
                .hasSize(a.paragraphs().size());
        assertThat(doc.selectFirst(".byline time").text()).isEqualTo("9 hours ago");
        assertThat(doc.selectFirst(".byline .badge").text()).isEqualTo("Crime");
        assertThat(doc.select("[data-newsdesk-trending]")).hasSize(1);
        assertThat(doc.title()).isEqualTo(a.title() + " · The Harbour Ledger");
    }

    @Test
    void writesDelaysAsTheBeaconReadsThem() {
        assertThat(Map.of(
                        DemoPages.seconds(Duration.ofSeconds(5)), "5",
                        DemoPages.seconds(Duration.ofMillis(250)), "0.25"))
                .allSatisfy((actual, expected) -> assertThat(actual).isEqualTo(expected));
    }
}
