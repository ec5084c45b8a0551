package dev.newsdesk.trending;

import static dev.newsdesk.trending.Articles.article;
import static dev.newsdesk.trending.Articles.unpublished;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GateTest {

    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    static final String CHROME_ANDROID =
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/126.0.0.0 Mobile Safari/537.36";
    static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    private final MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
    private Trending trending;

    @BeforeEach
    void open() {
        trending = Trending.open(TrendingSettings.inMemory(), clock);
        trending.register(article("a", clock.instant()));
        trending.register(article("b", clock.instant()));
    }

    @AfterEach
    void close() {
        trending.close();
    }

    private long views(String id) {
        return trending.explain(id, "now").orElseThrow().counts().get(EventType.VIEW);
    }

    @Test
    void sameVisitorCountsOncePerArticleWithinThirtyMinutes() {
        var view = EngagementEvent.view("a").by("visitor-1").from("203.0.113.9", FIREFOX);
        assertThat(trending.record(view)).isEqualTo(Outcome.ACCEPTED);
        clock.advance(Duration.ofMinutes(29));
        assertThat(trending.record(view)).isEqualTo(Outcome.DUPLICATE);
        assertThat(trending.record(view.by("visitor-2"))).isEqualTo(Outcome.ACCEPTED);
        assertThat(trending.record(EngagementEvent.view("b").by("visitor-1"))).isEqualTo(Outcome.ACCEPTED);
        assertThat(trending.record(EngagementEvent.of(EventType.LIKE, "a").by("visitor-1")))
                .isEqualTo(Outcome.ACCEPTED);
        clock.advance(Duration.ofMinutes(1));
        assertThat(trending.record(view)).isEqualTo(Outcome.ACCEPTED);
        assertThat(views("a")).isEqualTo(3);
        assertThat(trending.stats().dropped(Outcome.DUPLICATE)).isEqualTo(1);
    }

    @Test
    void withoutVisitorIdTheAddressAndAgentIdentifyTheVisitor() {
        var view = EngagementEvent.view("a").from("203.0.113.9", FIREFOX);
        assertThat(trending.record(view)).isEqualTo(Outcome.ACCEPTED);
        assertThat(trending.record(view)).isEqualTo(Outcome.DUPLICATE);
        assertThat(trending.record(view.from("203.0.113.9", SAFARI_IPHONE))).isEqualTo(Outcome.ACCEPTED);
        assertThat(trending.record(view.from("198.51.100.7", FIREFOX))).isEqualTo(Outcome.ACCEPTED);
        assertThat(views("a")).isEqualTo(3);
    }

    @Test
    void eventsWithoutAnyIdentityAreNotDeduped() {
        assertThat(trending.record(EngagementEvent.of(EventType.COMMENT, "a"))).isEqualTo(Outcome.ACCEPTED);
        assertThat(trending.record(EngagementEvent.of(EventType.COMMENT, "a"))).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void dedupeHoldsAcrossTheDailySaltRotation() {
        clock.set(Instant.parse("2026-03-02T23:50:00Z"));
        var view = EngagementEvent.view("a").by("night-owl");
        assertThat(trending.record(view)).isEqualTo(Outcome.ACCEPTED);
        clock.set(Instant.parse("2026-03-03T00:10:00Z"));
        assertThat(trending.record(view)).isEqualTo(Outcome.DUPLICATE);
        clock.set(Instant.parse("2026-03-03T00:25:00Z"));
        assertThat(trending.record(view)).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void dedupeCanBeTurnedOff() {
        trending.close();
        trending = Trending.open(TrendingSettings.inMemory().withDedupe(Duration.ZERO, 1024), clock);
        trending.register(article("a", clock.instant()));
        var view = EngagementEvent.view("a").by("v");
        assertThat(trending.record(view)).isEqualTo(Outcome.ACCEPTED);
        assertThat(trending.record(view)).isEqualTo(Outcome.ACCEPTED);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
                "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
                "Twitterbot/1.0",
                "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
                "WhatsApp/2.23.20.0",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36",
                "curl/8.5.0",
                "Wget/1.21.4",
                "python-requests/2.32.3",
                "Go-http-client/2.0",
                "Mozilla/5.0 (compatible; GPTBot/1.1; +https://openai.com/gptbot)",
                "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
                "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse",
                "UptimeRobot/2.0",
                " "
            })
    void knownBotsAreDroppedAndCounted(String userAgent) {
        assertThat(trending.record(EngagementEvent.view("a").from("203.0.113.9", userAgent)))
                .isEqualTo(Outcome.BOT);
        assertThat(trending.stats().dropped(Outcome.BOT)).isEqualTo(1);
        assertThat(views("a")).isZero();
    }

    @Test
    void browsersAreNotBots() {
        int i = 0;
        for (String ua : List.of(FIREFOX, CHROME_ANDROID, SAFARI_IPHONE)) {
            assertThat(trending.record(EngagementEvent.view("a").from("203.0.113." + i++, ua)))
                    .isEqualTo(Outcome.ACCEPTED);
        }
    }

    @Test
    void agentsSharingACacheSlotKeepTheirOwnVerdicts() {
        // same length and the same characters at the eight sampled places: one slot of the recent-verdict cache
        String browser = "Mozilla/5.0 (X11) Firefox/128.0 abcdefghij";
        String bot = "Mbotlla/5.0 (X11) Firefox/128.0 abcdefghij";
        assertThat(BotAgents.slot(bot)).isEqualTo(BotAgents.slot(browser));
        for (int i = 0; i < 3; i++) {
            assertThat(trending.record(EngagementEvent.view("a").from("203.0.113." + i, browser)))
                    .isEqualTo(Outcome.ACCEPTED);
            assertThat(trending.record(EngagementEvent.view("a").from("203.0.113." + i, new String(bot))))
                    .isEqualTo(Outcome.BOT);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prefetch", "prefetch;prerender", "prefetch;anonymous-client-ip", "Prefetch", "preview"})
    void prefetchAndPrerenderAreDropped(String purpose) {
        var view = EngagementEvent.view("a").from("203.0.113.9", CHROME_ANDROID).withPurpose(purpose);
        assertThat(trending.record(view)).isEqualTo(Outcome.PREFETCH);
        assertThat(trending.stats().dropped(Outcome.PREFETCH)).isEqualTo(1);
        // the real visit that follows still counts
        assertThat(trending.record(view.withPurpose(null))).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void unknownAndUnpublishedArticlesAreDropped() {
        trending.register(unpublished("draft", clock.instant()));
        assertThat(trending.record(EngagementEvent.view("nope"))).isEqualTo(Outcome.UNKNOWN_ARTICLE);
        assertThat(trending.record(EngagementEvent.view("draft"))).isEqualTo(Outcome.UNPUBLISHED);
        assertThat(trending.stats().outcomes())
                .containsEntry(Outcome.UNKNOWN_ARTICLE, 1L)
                .containsEntry(Outcome.UNPUBLISHED, 1L)
                .containsEntry(Outcome.ACCEPTED, 0L);
    }

    @Test
    void aScheduledArticleCountsNothingUntilItsPublicationTime() {
        trending.register(article("scheduled", clock.instant().plus(Duration.ofHours(2))));
        assertThat(trending.record(EngagementEvent.view("scheduled"))).isEqualTo(Outcome.UNPUBLISHED);
        clock.advance(Duration.ofHours(2));
        assertThat(trending.record(EngagementEvent.view("scheduled"))).isEqualTo(Outcome.ACCEPTED);
        assertThat(trending.explain("scheduled", "now").orElseThrow().counts()).containsEntry(EventType.VIEW, 1L);
    }

    @Test
    void eventsOlderThanTheMaximumAgeAreDroppedAndFutureOnesClampedToNow() {
        assertThat(trending.record(EngagementEvent.view("a").at(clock.instant().minus(Duration.ofHours(7)))))
                .isEqualTo(Outcome.TOO_OLD);
        assertThat(trending.record(EngagementEvent.view("a").at(clock.instant().plus(Duration.ofDays(30)))))
                .isEqualTo(Outcome.ACCEPTED);
        var e = trending.explain("a", "now").orElseThrow();
        assertThat(e.engagement()).isEqualTo(1.0);
        assertThat(trending.stats().clampedToNow()).isEqualTo(1);
        assertThat(trending.stats().dropped(Outcome.TOO_OLD)).isEqualTo(1);
    }
}
