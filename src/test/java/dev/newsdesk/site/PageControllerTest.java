package dev.newsdesk.site;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.newsdesk.classify.Metrics;
import dev.newsdesk.classify.ModelCard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class PageControllerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final FakeBackend backend = new FakeBackend(Lists.at(NOW).build());
    private final Layout layout = new Layout();

    private MockMvc mvc(boolean demoOn) {
        return MockMvcBuilders.standaloneSetup(new PageController(
                        backend,
                        layout,
                        new ModelPage(layout),
                        new DemoPages(layout, Duration.ofSeconds(5), Duration.ofSeconds(15)),
                        demoOn ? Optional.of(DemoArticles.bundled(NOW)) : Optional.empty(),
                        Clock.fixed(NOW, ZoneOffset.UTC)))
                .build();
    }

    @Test
    void servesTheDemoFrontAndArticlePagesWithTheStoredLabels() throws Exception {
        backend.labels.put("demo-market-fire", "News");
        MockMvc mvc = mvc(true);

        mvc.perform(get("/demo"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Night fire destroys forty stalls")));
        mvc.perform(get("/demo/demo-market-fire"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-article=\"demo-market-fire\"")))
                .andExpect(content().string(containsString("data-label=\"News\"")));
        mvc.perform(get("/demo/no-such-article")).andExpect(status().isNotFound());
    }

    @Test
    void hasNoDemoSiteWhenTheDemoIsOff() throws Exception {
        MockMvc mvc = mvc(false);

        mvc.perform(get("/demo")).andExpect(status().isNotFound());
        mvc.perform(get("/demo/demo-market-fire")).andExpect(status().isNotFound());
        mvc.perform(get("/playground")).andExpect(status().isOk());
    }

    @Test
    void servesThePlaygroundWithItsFormAndScript() throws Exception {
        mvc(false)
                .perform(get("/playground"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<form id=\"classify\">")))
                .andExpect(content().string(containsString("<script src=\"/playground.js\" defer></script>")))
                .andExpect(content().string(containsString("aria-current=\"page\">Playground</a>")));
    }

    @Test
    void servesTheServedModelsReport() throws Exception {
        backend.card = new ModelCard(
                1,
                "v-test",
                NOW,
                List.of("Crime", "News"),
                "logreg",
                Map.of(),
                null,
                1L,
                "0".repeat(64),
                4,
                Map.of("Crime", 2, "News", 2),
                new Metrics(
                        "held out",
                        4,
                        0.75,
                        0.73,
                        0.1,
                        List.of("Crime", "News"),
                        Map.of(
                                "Crime", new Metrics.LabelMetrics(1, 0.5, 0.667, 2),
                                "News", new Metrics.LabelMetrics(0.667, 1, 0.8, 2)),
                        new int[][] {{1, 1}, {0, 2}}),
                Map.of(),
                1.0,
                Map.of(),
                "x");

        mvc(false)
                .perform(get("/model"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Model <code>v-test</code>")))
                .andExpect(content().string(containsString("aria-label=\"Confusion matrix\"")));
    }
}
