package dev.newsdesk.trending;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/** Recognises crawlers, link-preview fetchers, monitors, headless browsers and scripts by user-agent substring. */
final class BotAgents {

    /** Lower-case substrings; "bot", "crawl" and "spider" catch most well-behaved crawlers on their own. */
    static final List<String> DEFAULT = List.of(
            "bot",
            "crawl",
            "spider",
            "slurp",
            "scrape",
            "archiver",
            "ia_archiver",
            // search and ads fetchers that do not say "bot"
            "mediapartners-google",
            "adsbot",
            "google-inspectiontool",
            "googleother",
            "google-read-aloud",
            "feedfetcher",
            "bingpreview",
            "yandex",
            "baiduspider",
            "sogou",
            "exabot",
            "petalbot",
            // link previews in social and chat apps
            "facebookexternalhit",
            "facebookcatalog",
            "meta-externalagent",
            "whatsapp",
            "telegram",
            "skypeuripreview",
            "embedly",
            "quora link preview",
            "vkshare",
            "pinterest",
            "outbrain",
            "flipboard",
            "nuzzel",
            "iframely",
            "preview",
            // headless and automated browsers
            "headless",
            "phantomjs",
            "puppeteer",
            "playwright",
            "selenium",
            "webdriver",
            "lighthouse",
            "pagespeed",
            "gtmetrix",
            "prerender",
            // monitors and SEO tools
            "pingdom",
            "uptime",
            "statuscake",
            "site24x7",
            "newrelicpinger",
            "semrush",
            "ahrefs",
            "mj12",
            "screaming frog",
            // scripts and libraries
            "curl/",
            "wget/",
            "python-requests",
            "python-urllib",
            "python/",
            "aiohttp",
            "httpx",
            "go-http-client",
            "java/",
            "java-http-client",
            "okhttp",
            "apache-httpclient",
            "libwww-perl",
            "scrapy",
            "node-fetch",
            "axios/",
            "undici",
            "postmanruntime",
            "insomnia",
            "httpie",
            "ruby",
            "php/",
            "guzzle",
            // AI crawlers and assistants fetching on demand
            "gptbot",
            "chatgpt-user",
            "claude",
            "anthropic-ai",
            "perplexity",
            "ccbot",
            "bytespider",
            "cohere-ai",
            "diffbot",
            "omgili");

    private static final int CACHE_LIMIT = 10_000;
    private static final int RECENT = 256; // a power of two

    /** A verdict for one user-agent instance; immutable, so it may be shared between threads without a lock. */
    private record Verdict(String userAgent, boolean bot) {}

    private final List<String> patterns;
    // User agents repeat a lot: most verdicts are one hash lookup.
    private final ConcurrentHashMap<String, Boolean> verdicts = new ConcurrentHashMap<>();
    // In front of it, the last verdict per slot (see slot()): one array read and an identity or equals check. A racy
    // read sees null or a whole Verdict (final fields), and a lost write only costs a map lookup.
    private final Verdict[] recent = new Verdict[RECENT];

    BotAgents(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** True for a blank agent or one containing a listed substring. */
    boolean isBot(String userAgent) {
        int at = slot(userAgent);
        Verdict v = recent[at];
        if (v != null && (v.userAgent() == userAgent || v.userAgent().equals(userAgent))) {
            return v.bot();
        }
        Boolean cached = verdicts.get(userAgent);
        boolean bot = cached != null ? cached : matches(userAgent);
        if (cached == null) {
            if (verdicts.size() >= CACHE_LIMIT) {
                verdicts.clear();
            }
            verdicts.put(userAgent, bot);
        }
        recent[at] = new Verdict(userAgent, bot);
        return bot;
    }

    /**
     * The agent's slot in {@link #recent}, from its length and eight characters spread over it: an agent arrives as
     * a new string with every request, and {@code hashCode} would read all of its hundred-odd characters each time
     * (about as long as the visitor's keyed hash takes). Agents that share a slot only cost a map lookup.
     */
    static int slot(String userAgent) {
        int n = userAgent.length();
        if (n == 0) {
            return 0;
        }
        int h = n;
        for (int k = 0; k < 8; k++) {
            h = 31 * h + userAgent.charAt((n - 1) * k / 7);
        }
        return (h * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(RECENT));
    }

    private boolean matches(String userAgent) {
        if (userAgent.isBlank()) {
            return true;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        for (String p : patterns) {
            if (ua.contains(p)) {
                return true;
            }
        }
        return false;
    }
}
