package dev.newsdesk.web;

import dev.newsdesk.system.EventSettings;
import dev.newsdesk.trending.EngagementEvent;
import dev.newsdesk.trending.Outcome;
import dev.newsdesk.trending.Trending;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /events}: engagement from pages (public, rate-limited per client) and from the CMS (with a key). */
@RestController
@RequestMapping(WebConfiguration.API)
@Tag(name = "trending", description = "Engagement events and Trending lists")
final class EventController {

    private final Trending trending;
    private final TrendingFeed feed;
    private final RateLimiter limiter;
    private final NetworkQuota quota;
    private final ApiKeys keys;
    private final EventSettings settings;
    private final EventCounters counters;
    private final JsonMapper json;

    EventController(
            Trending trending,
            TrendingFeed feed,
            RateLimiter limiter,
            NetworkQuota quota,
            ApiKeys keys,
            EventSettings settings,
            EventCounters counters,
            JsonMapper json) {
        this.trending = trending;
        this.feed = feed;
        this.limiter = limiter;
        this.quota = quota;
        this.keys = keys;
        this.settings = settings;
        this.counters = counters;
        this.json = json;
    }

    /** The drop reason of events over their network's quota for an article, in answers and metrics. */
    static final String NETWORK_QUOTA = "network_quota";

    /** What became of the events: how many counted, and how many dropped for each reason. */
    record Recorded(int accepted, Map<String, Integer> dropped) {}

    @Operation(summary = "Record one engagement event or a JSON array of them (also as text/plain, for sendBeacon)")
    @PostMapping(
            path = "/events",
            consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<Recorded> record(@RequestBody byte[] body, HttpServletRequest request) {
        JsonNode root = json.readTree(body);
        List<EventRequest> sent = new ArrayList<>();
        if (root.isArray()) {
            for (JsonNode n : root) {
                sent.add(json.treeToValue(n, EventRequest.class));
            }
        } else if (root.isObject()) {
            sent.add(json.treeToValue(root, EventRequest.class));
        } else {
            throw new ApiException(ProblemKind.WRONG_TYPE, "the body must be an event object or an array of them");
        }
        boolean server = keys.roleOf(request) != Access.Role.NONE;
        int max = server || !limiter.enabled() ? settings.maxBatch() : Math.min(settings.maxBatch(), limiter.burst());
        if (sent.isEmpty()) {
            throw new ApiException(ProblemKind.INVALID_FIELD, "the batch is empty; send at least one event");
        }
        if (sent.size() > max) {
            throw new ApiException(
                            ProblemKind.BATCH_TOO_LARGE,
                            "the batch has " + sent.size() + " events, over the limit of " + max + "; send fewer")
                    .with("limit", max);
        }
        List<EngagementEvent> events = new ArrayList<>(sent.size());
        String ip = server ? null : ClientNetwork.of(request.getRemoteAddr());
        String agent = server ? null : request.getHeader("User-Agent");
        String purpose = server ? null : purpose(request);
        for (int i = 0; i < sent.size(); i++) {
            events.add(sent.get(i).toEvent(ip, agent, purpose, root.isArray() ? "[" + i + "]." : ""));
        }
        if (!server) {
            long wait = limiter.acquire(request.getRemoteAddr(), events.size());
            if (wait > 0) {
                counters.rateLimited(events.size());
                throw new ApiException(
                                ProblemKind.RATE_LIMITED,
                                "this client sent more events than " + settings.ratePerSecond()
                                        + " a second allow; retry after " + wait + " s")
                        .header("Retry-After", String.valueOf(wait));
            }
        }
        return ResponseEntity.accepted().body(recordAll(events, server || !quota.enabled() ? null : ip));
    }

    /**
     * Records the events; with {@code network} (a browser's request), leaves out those over their network's quota for
     * the article ({@link NetworkQuota}) and counts the accepted ones against it.
     */
    private Recorded recordAll(List<EngagementEvent> events, String network) {
        Map<String, Integer> dropped = new TreeMap<>();
        long[] pairs = null;
        boolean[] allowed = null;
        List<EngagementEvent> admitted = events;
        if (network != null) {
            long key = quota.network(network);
            pairs = new long[events.size()];
            for (int i = 0; i < events.size(); i++) {
                pairs[i] = NetworkQuota.pair(
                        key, events.get(i).articleId(), events.get(i).type());
            }
            allowed = quota.allow(pairs);
            admitted = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                if (allowed[i]) {
                    admitted.add(events.get(i));
                } else {
                    dropped.merge(NETWORK_QUOTA, 1, Integer::sum);
                }
            }
            counters.overNetworkQuota(events.size() - admitted.size());
        }
        List<CompletableFuture<Outcome>> pending = trending.recordAllAsync(admitted).stream()
                .map(java.util.concurrent.CompletionStage::toCompletableFuture)
                .toList();
        boolean[] accepted = new boolean[events.size()];
        int count = 0;
        for (int i = 0, j = 0; i < events.size(); i++) {
            if (allowed != null && !allowed[i]) {
                continue; // over the quota: never sent
            }
            Outcome o = outcome(pending.get(j++));
            if (o == Outcome.UNKNOWN_ARTICLE
                    && feed.registerFromStore(events.get(i).articleId())) {
                o = trending.record(events.get(i));
            }
            counters.count(o);
            if (o.accepted()) {
                accepted[i] = true;
                count++;
            } else {
                dropped.merge(o.name().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        if (pairs != null) {
            quota.count(pairs, accepted);
        }
        return new Recorded(count, dropped);
    }

    /** The outcome, or the engine's own failure (not the future's wrapper around it). */
    private static Outcome outcome(CompletableFuture<Outcome> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static String purpose(HttpServletRequest request) {
        for (String h : new String[] {"Sec-Purpose", "Purpose", "X-Purpose", "X-Moz"}) {
            String v = request.getHeader(h);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
