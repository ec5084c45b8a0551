package dev.newsdesk.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.newsdesk.system.ModelService;
import dev.newsdesk.trending.Scope;
import dev.newsdesk.trending.ScoreExplanation;
import dev.newsdesk.trending.Trending;
import dev.newsdesk.trending.TrendingItem;
import dev.newsdesk.trending.TrendingList;
import dev.newsdesk.trending.TrendingSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /trending}: a ranked list by scope and window, optionally with each item's score explained. */
@RestController
@RequestMapping(WebConfiguration.API)
@Tag(name = "trending", description = "Engagement events and Trending lists")
final class TrendingController {

    private static final String RISING = "rising";

    private final Trending trending;
    private final ModelService models;
    private final Map<String, Timer> latency = new LinkedHashMap<>();

    TrendingController(Trending trending, ModelService models, MeterRegistry registry) {
        this.trending = trending;
        this.models = models;
        List<String> names = new ArrayList<>(windows());
        names.add(RISING);
        for (String w : names) {
            latency.put(
                    w,
                    Timer.builder("newsdesk.trending.latency")
                            .description("Time to read one trending list")
                            .tag("window", w)
                            .publishPercentileHistogram()
                            .register(registry));
        }
    }

    /** How an item's score is made up. */
    record Explanation(double engagement, double recency, String halfLife, Map<String, Long> counts) {}

    /** One list entry. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(
            int rank,
            String id,
            String title,
            String url,
            String label,
            String siteCategory,
            Instant publishedAt,
            double score,
            boolean pinned,
            Explanation explanation) {}

    /** A ranked list as of {@code at}. */
    record TrendingView(String scope, String window, Instant at, List<Item> items) {}

    @Operation(summary = "Trending articles: scope all, label:<label> or category:<name>; a window or 'rising'")
    @GetMapping("/trending")
    TrendingView list(
            @RequestParam(defaultValue = "all") String scope,
            @RequestParam(required = false) String window,
            @RequestParam(defaultValue = "10") int limit,
            @RequestParam(defaultValue = "false") boolean explain) {
        Scope s = scope(scope);
        String w = window == null ? windows().getFirst() : window.strip().toLowerCase(Locale.ROOT);
        Timer timer = latency.get(w);
        if (timer == null) {
            throw new ApiException(
                    ProblemKind.UNKNOWN_WINDOW,
                    "window '" + window + "' is not configured; use one of " + String.join(", ", latency.keySet()));
        }
        int max = trending.settings().maxListSize();
        if (limit < 1 || limit > max) {
            throw new ApiException(
                    ProblemKind.INVALID_PARAMETER, "parameter 'limit' must be 1 to " + max + ", was " + limit);
        }
        long start = System.nanoTime();
        TrendingList list = w.equals(RISING) ? trending.rising(s, limit) : trending.top(s, w, limit);
        List<Item> items = new ArrayList<>(list.items().size());
        for (TrendingItem i : list.items()) {
            var a = i.article();
            items.add(new Item(
                    i.rank(),
                    a.id(),
                    a.title(),
                    a.url(),
                    a.label(),
                    a.siteCategory(),
                    a.publishedAt(),
                    i.score(),
                    i.pinned(),
                    explain && i.explanation() != null ? explanation(i.explanation()) : null));
        }
        timer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        return new TrendingView(list.scope().toString(), list.window(), list.at(), items);
    }

    private static Explanation explanation(ScoreExplanation e) {
        Map<String, Long> counts = new LinkedHashMap<>();
        e.counts().forEach((type, n) -> counts.put(type.name().toLowerCase(Locale.ROOT), n));
        return new Explanation(e.engagement(), e.recency(), e.halfLife().toString(), counts);
    }

    private List<String> windows() {
        return trending.settings().windows().stream()
                .map(TrendingSettings.Window::name)
                .toList();
    }

    private Scope scope(String text) {
        try {
            return Scope.parse(text, models.card().labels());
        } catch (IllegalArgumentException e) {
            throw new ApiException(ProblemKind.UNKNOWN_SCOPE, e.getMessage());
        }
    }
}
