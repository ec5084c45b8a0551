package dev.newsdesk.bench;

import dev.newsdesk.trending.ArticleMeta;
import dev.newsdesk.trending.EngagementEvent;
import dev.newsdesk.trending.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic but shaped traffic: an archive of articles published over 5 years (about 550 a day), newest most read
 * (Zipf, exponent 1, over all articles by recency: 61% of events go to the last 7 days' 0.4% of articles at a
 * million), 90% views; visitors from a pool, browser user agents with 3% bots, 1% prefetches.
 */
final class BenchData {

    static final String[] LABELS = {"News", "Crime", "Opinion"};
    static final int CATEGORIES = 20;

    private static final String[] BROWSERS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
        "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0",
        "Mozilla/5.0 (Linux; Android 13; SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Mobile Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
    };
    private static final String[] BOTS = {
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "python-requests/2.32.3",
    };

    private final int articles;
    private final double[] zipfCdf;
    private final String[] ids;
    private final String[] visitors;
    private final SplittableRandom random;

    BenchData(int articles, int visitors, long seed) {
        this.articles = articles;
        this.random = new SplittableRandom(seed);
        this.ids = new String[articles];
        for (int i = 0; i < articles; i++) {
            ids[i] = "a" + i;
        }
        this.zipfCdf = new double[articles];
        double sum = 0;
        for (int i = 0; i < articles; i++) {
            sum += 1.0 / (i + 1);
            zipfCdf[i] = sum;
        }
        for (int i = 0; i < articles; i++) {
            zipfCdf[i] /= sum;
        }
        this.visitors = new String[visitors];
        var hex = HexFormat.of();
        byte[] b = new byte[10];
        for (int i = 0; i < visitors; i++) {
            random.nextBytes(b);
            this.visitors[i] = hex.formatHex(b);
        }
    }

    /** Article i: published {@code i * 5 years / n} ago, so the most read are the newest. */
    List<ArticleMeta> articles(Instant now) {
        var list = new ArrayList<ArticleMeta>(articles);
        long spreadMs = Duration.ofDays(5 * 365).toMillis();
        for (int i = 0; i < articles; i++) {
            Instant published = now.minusMillis(spreadMs * i / articles);
            list.add(new ArticleMeta(
                    ids[i],
                    "Headline of bench article number " + i,
                    "https://news.example/2026/03/" + ids[i],
                    published,
                    LABELS[i % LABELS.length],
                    "section-" + (i % CATEGORIES),
                    true));
        }
        return list;
    }

    int zipfArticle() {
        int i = Arrays.binarySearch(zipfCdf, random.nextDouble());
        return Math.min(articles - 1, i < 0 ? -i - 1 : i);
    }

    /**
     * The next {@code n} events, made before the clock starts. Each event holds its own copy of every string, as the
     * events endpoint's JSON parser and the beacon hand them to the engine: sharing one instance per visitor from a
     * pool of 500,000 (as the first three sessions' runs did) made every event fetch a cold string from that pool, a
     * cost of the benchmark's data and not of the scoring path, and let the user agent's hash stay cached.
     */
    EngagementEvent[] events(int n) {
        var out = new EngagementEvent[n];
        for (int k = 0; k < n; k++) {
            int r = random.nextInt(1000);
            EventType type = r < 900
                    ? EventType.VIEW
                    : r < 960
                            ? EventType.READ
                            : r < 980 ? EventType.LIKE : r < 990 ? EventType.SHARE : EventType.COMMENT;
            String ua = random.nextInt(100) < 3
                    ? BOTS[random.nextInt(BOTS.length)]
                    : BROWSERS[random.nextInt(BROWSERS.length)];
            String purpose = random.nextInt(100) == 0 ? "prefetch" : null;
            out[k] = new EngagementEvent(
                    parsed(ids[zipfArticle()]),
                    type,
                    type == EventType.READ ? 10 + random.nextInt(300) : 0,
                    null,
                    parsed(visitors[random.nextInt(visitors.length)]),
                    null,
                    parsed(ua),
                    purpose == null ? null : parsed(purpose));
        }
        return out;
    }

    /** A new string equal to {@code s}, with its own characters and no cached hash: what a parser returns. */
    private static String parsed(String s) {
        return new String(s.toCharArray());
    }
}
