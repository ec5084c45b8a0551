package dev.newsdesk.site;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A trending list for sites and readers: {@code GET /widget/trending} (the HTML fragment {@code widget.js} inserts),
 * {@code GET /feeds/trending.json} (JSON Feed 1.1) and {@code GET /feeds/trending.rss} (RSS 2.0). Each carries an
 * ETag of its bytes, so a matching {@code If-None-Match} gets 304, and a short public max-age.
 */
@Controller
final class FeedController {

    static final MediaType JSON_FEED = MediaType.parseMediaType("application/feed+json;charset=UTF-8");
    static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
    static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    static final int MAX_LIMIT = 50;

    private static final CacheControl FEED_CACHE =
            CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();
    private static final CacheControl FRAGMENT_CACHE =
            CacheControl.maxAge(Duration.ofSeconds(15)).cachePublic();

    private final SiteBackend backend;
    private final Clock clock;

    FeedController(SiteBackend backend, Clock clock) {
        this.backend = backend;
        this.clock = clock;
    }

    /** A list's query string, {@code ?scope=&window=&limit=}; absent parts take the defaults. */
    record ListQuery(String scope, String window, Integer limit) {}

    @GetMapping("/widget/trending")
    ResponseEntity<byte[]> widget(ListQuery query, HttpServletRequest request) {
        SiteList list = list(query, 5);
        return cached(WidgetFragment.render(list, clock.instant(), base(request)), HTML, FRAGMENT_CACHE);
    }

    @GetMapping("/feeds/trending.json")
    ResponseEntity<byte[]> jsonFeed(ListQuery query, HttpServletRequest request) {
        return cached(JsonFeed.render(list(query, 20), self(request), base(request)), JSON_FEED, FEED_CACHE);
    }

    @GetMapping("/feeds/trending.rss")
    ResponseEntity<byte[]> rssFeed(ListQuery query, HttpServletRequest request) {
        return cached(RssFeed.render(list(query, 20), self(request), base(request)), RSS, FEED_CACHE);
    }

    private SiteList list(ListQuery q, int defaultLimit) {
        int limit = q.limit() == null ? defaultLimit : q.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
        String scope =
                q.scope() == null || q.scope().isBlank() ? "all" : q.scope().strip();
        String window =
                q.window() == null || q.window().isBlank() ? "now" : q.window().strip();
        try {
            return backend.top(scope, window, limit);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (IllegalStateException e) {
            throw new ResponseStatusException(
                    HttpStatus.SERVICE_UNAVAILABLE, "trending lists are unavailable: " + e.getMessage());
        }
    }

    /** Spring answers 304 itself when the request's If-None-Match matches the ETag set here. */
    private static ResponseEntity<byte[]> cached(String body, MediaType type, CacheControl cache) {
        return ResponseEntity.ok()
                .contentType(type)
                .eTag(Etags.of(body))
                .cacheControl(cache)
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    static URI base(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request)
                .path("/")
                .build()
                .toUri();
    }

    private static URI self(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromRequest(request).build().toUri();
    }
}
