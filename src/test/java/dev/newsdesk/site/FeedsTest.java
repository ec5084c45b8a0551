package dev.newsdesk.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FeedsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final URI SELF = URI.create("http://localhost:8080/feeds/trending.json?scope=all&window=now");
    private static final URI HOME = URI.create("http://localhost:8080/");

    private static SiteList twoItems() {
        return Lists.newsAndOpinion(NOW);
    }

    @Test
    void jsonFeedHasTheRequiredFieldsOfVersionOnePointOne() throws Exception {
        JsonNode feed = JsonMapper.builder().build().readTree(JsonFeed.render(twoItems(), SELF, HOME));

        assertThat(feed.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("title").asString()).isEqualTo("Trending now");
        assertThat(feed.get("feed_url").asString()).isEqualTo(SELF.toString());
        assertThat(feed.get("home_page_url").asString()).isEqualTo(HOME.toString());
        JsonNode items = feed.get("items");
        assertThat(items.isArray()).isTrue();
        assertThat(items.size()).isEqualTo(2);
        for (JsonNode item : items) {
            // the spec: every item has a string id and content_html or content_text
            assertThat(item.get("id").isString()).isTrue();
            assertThat(item.has("content_text") || item.has("content_html")).isTrue();
            assertThat(URI.create(item.get("url").asString()).isAbsolute()).isTrue();
            assertThat(Instant.parse(item.get("date_published").asString())).isBefore(NOW);
        }
        assertThat(items.get(0).get("url").asString()).isEqualTo("http://localhost:8080/demo/a1");
        assertThat(items.get(0).get("tags").get(0).asString()).isEqualTo("News");
        assertThat(items.get(1).get("_newsdesk").get("rank").asInt()).isEqualTo(2);
    }

    @Test
    void rssFeedIsReadByARealRssParserWithItemsInRankOrder() throws Exception {
        String xml = RssFeed.render(twoItems(), SELF, HOME);

        SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));

        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getTitle()).isEqualTo("Trending now");
        assertThat(feed.getLink()).isEqualTo(HOME.toString());
        assertThat(feed.getEntries())
                .extracting(SyndEntry::getTitle)
                .containsExactly("Dam spill floods two villages", "Why the budget misses the point");
        SyndEntry first = feed.getEntries().get(0);
        assertThat(first.getLink()).isEqualTo("http://localhost:8080/demo/a1");
        assertThat(first.getUri()).isEqualTo("a1");
        assertThat(first.getPublishedDate()).isEqualTo(Date.from(NOW.minus(Duration.ofHours(3))));
        assertThat(first.getCategories().get(0).getName()).isEqualTo("News");
    }

    @Test
    void rssFeedStaysWellFormedWithMarkupAndControlCharactersInTitles() throws Exception {
        SiteList list = Lists.at(NOW)
                .item("a&1", "Tom & Jerry <script>\u0001 ]]> end", "Crime", Duration.ofHours(1))
                .build();

        SyndFeed feed = new SyndFeedInput().build(new StringReader(RssFeed.render(list, SELF, HOME)));

        assertThat(feed.getEntries().get(0).getTitle()).isEqualTo("Tom & Jerry <script> ]]> end");
    }

    @Test
    void bothFeedsAreByteForByteTheSameWhileTheListIsTheSame() {
        assertThat(JsonFeed.render(twoItems(), SELF, HOME)).isEqualTo(JsonFeed.render(twoItems(), SELF, HOME));
        assertThat(Etags.of(RssFeed.render(twoItems(), SELF, HOME)))
                .isEqualTo(Etags.of(RssFeed.render(twoItems(), SELF, HOME)))
                .isNotEqualTo(Etags.of(RssFeed.render(Lists.at(NOW).build(), SELF, HOME)));
    }
}
