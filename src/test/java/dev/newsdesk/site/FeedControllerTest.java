package dev.newsdesk.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The HTTP shape of the fragment and the feeds: content types, ETag and 304, caching, bad parameters. */
class FeedControllerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final FakeBackend backend = new FakeBackend(Lists.newsAndOpinion(NOW));
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(
                    new FeedController(backend, Clock.fixed(NOW, ZoneOffset.UTC)))
            .build();

    @Test
    void servesTheJsonFeedAsApplicationFeedJsonWithAnEtagAndAShortPublicMaxAge() throws Exception {
        mvc.perform(get("/feeds/trending.json").param("window", "today"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.parseMediaType("application/feed+json")))
                .andExpect(header().string("Cache-Control", "max-age=60, public"))
                .andExpect(header().string("ETag", matchesPattern("\"[0-9a-f]{32}\"")))
                .andExpect(content().string(containsString("\"title\":\"Trending today\"")));
        assertThat(backend.asked).containsExactly("all/today/20");
    }

    @Test
    void servesTheRssFeedAsApplicationRssXml() throws Exception {
        mvc.perform(get("/feeds/trending.rss").param("scope", "label:Crime").param("limit", "1"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.parseMediaType("application/rss+xml")))
                .andExpect(header().string("Cache-Control", "max-age=60, public"))
                .andExpect(header().exists("ETag"))
                .andExpect(content().string(containsString("<title>Trending now in Crime</title>")));
        assertThat(backend.asked).containsExactly("label:Crime/now/1");
    }

    @Test
    void answersNotModifiedWhileTheListIsUnchangedAndAFreshBodyOnceItChanges() throws Exception {
        for (String path : new String[] {"/feeds/trending.json", "/feeds/trending.rss", "/widget/trending"}) {
            String etag = mvc.perform(get(path)).andReturn().getResponse().getHeader("ETag");

            mvc.perform(get(path).header("If-None-Match", etag))
                    .andExpect(status().isNotModified())
                    .andExpect(header().string("ETag", etag))
                    .andExpect(content().string(""));

            backend.list = Lists.at(NOW)
                    .item("a9", "Something new", "News", Duration.ofMinutes(5))
                    .build();
            mvc.perform(get(path).header("If-None-Match", etag))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Something new")));
            backend.list = Lists.newsAndOpinion(NOW);
        }
    }

    @Test
    void servesTheWidgetFragmentAsHtmlForTheAskedScopeWindowAndCount() throws Exception {
        mvc.perform(get("/widget/trending")
                        .param("scope", "category:Metro")
                        .param("window", "week")
                        .param("limit", "1"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(header().string("Cache-Control", "max-age=15, public"))
                .andExpect(content().string(containsString("aria-label=\"Trending this week in Metro\"")))
                .andExpect(content().string(containsString("href=\"http://localhost/demo/a1\"")))
                .andExpect(content().string(not(containsString("a2"))));
    }

    @Test
    void refusesAnUnknownWindowAndACountOutOfRange() throws Exception {
        mvc.perform(get("/feeds/trending.json").param("window", "decade")).andExpect(status().isBadRequest());
        mvc.perform(get("/widget/trending").param("limit", "0")).andExpect(status().isBadRequest());
        mvc.perform(get("/feeds/trending.rss").param("limit", "51")).andExpect(status().isBadRequest());
        assertThat(backend.asked).isEmpty();
    }
}
