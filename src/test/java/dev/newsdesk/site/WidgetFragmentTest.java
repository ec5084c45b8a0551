package dev.newsdesk.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class WidgetFragmentTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final URI BASE = URI.create("http://localhost:8080/");

    private static Document parse(String html) {
        return Jsoup.parseBodyFragment(html);
    }

    @Test
    void rendersAnOrderedListWithCategoryAgeAndTitleLinkPerItem() {
        SiteList list = Lists.newsAndOpinion(NOW);

        Document doc = parse(WidgetFragment.render(list, NOW, BASE));

        Element ol = doc.selectFirst("ol.newsdesk-trending");
        assertThat(ol).isNotNull();
        assertThat(ol.attr("aria-label")).isEqualTo("Trending now");
        assertThat(ol.select("> li")).hasSize(2);
        Element first = ol.child(0);
        assertThat(first.attr("data-article-id")).isEqualTo("a1");
        assertThat(first.selectFirst(".newsdesk-category").text()).isEqualTo("News");
        assertThat(first.selectFirst("time.newsdesk-age").text()).isEqualTo("3 hours ago");
        assertThat(first.selectFirst("time").attr("datetime")).isEqualTo("2026-03-01T09:00:00Z");
        assertThat(first.selectFirst("a.newsdesk-title").text()).isEqualTo("Dam spill floods two villages");
        assertThat(first.selectFirst("a").attr("href")).isEqualTo("http://localhost:8080/demo/a1");
        Element second = ol.child(1);
        assertThat(second.selectFirst(".newsdesk-age").text()).isEqualTo("1 year ago");
        assertThat(second.selectFirst("a").attr("href")).isEqualTo("https://site.example/op/2");
    }

    @Test
    void escapesTitlesAndCategoriesAndDropsScriptLinks() {
        SiteList list = Lists.at(NOW)
                .item("x\"1", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "<b>Crime</b>", Duration.ZERO)
                .build();

        String html = WidgetFragment.render(list, NOW, BASE);
        Document doc = parse(html);

        assertThat(doc.select("img, b")).isEmpty();
        assertThat(doc.selectFirst("a").text()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(doc.selectFirst("a").attr("href")).isEqualTo("#");
        assertThat(doc.selectFirst(".newsdesk-category").text()).isEqualTo("<b>Crime</b>");
        assertThat(doc.selectFirst("li").attr("data-article-id")).isEqualTo("x\"1");
    }

    @Test
    void namesTheListAfterItsWindowAndScope() {
        SiteList list = Lists.at(NOW)
                .scope("label:Crime")
                .window("week")
                .item("a1", "t", "Crime", Duration.ofHours(1))
                .build();

        assertThat(parse(WidgetFragment.render(list, NOW, BASE))
                        .selectFirst("ol")
                        .attr("aria-label"))
                .isEqualTo("Trending this week in Crime");
    }

    @Test
    void leavesOutAnEmptyCategoryAndSaysSoWhenNothingTrends() {
        SiteList one = Lists.at(NOW).item("a1", "t", "", Duration.ofHours(1)).build();
        assertThat(parse(WidgetFragment.render(one, NOW, BASE)).select(".newsdesk-category"))
                .isEmpty();

        Document empty = parse(WidgetFragment.render(Lists.at(NOW).build(), NOW, BASE));
        assertThat(empty.select("ol")).isEmpty();
        assertThat(empty.selectFirst(".newsdesk-empty").text()).isEqualTo("Nothing is trending yet.");
    }
}
