package dev.newsdesk.trending;

import static dev.newsdesk.trending.Articles.article;
import static dev.newsdesk.trending.Articles.unpublished;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListsTest {

    private final MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
    private Trending trending;

    @BeforeEach
    void open() {
        trending = Trending.open(TrendingSettings.inMemory().withRecencyPrior(0), clock);
    }

    @AfterEach
    void close() {
        trending.close();
    }

    private void views(String id, int n) {
        for (int i = 0; i < n; i++) {
            trending.record(EngagementEvent.view(id));
        }
    }

    private ArticleMeta add(String id, String label, String category, int views) {
        ArticleMeta m = article(id, clock.instant().minus(Duration.ofHours(1)), label, category);
        trending.register(m);
        views(id, views);
        return m;
    }

    @Test
    void scopesRankOnlyTheirOwnArticles() {
        add("crime1", "Crime", "metro", 9);
        add("news1", "News", "politics", 8);
        add("crime2", "Crime", "politics", 7);
        add("opinion1", "Opinion", null, 6);
        add("news2", "News", "metro", 5);
        assertThat(trending.top(Scope.ALL, "now", 10).ids())
                .containsExactly("crime1", "news1", "crime2", "opinion1", "news2");
        assertThat(trending.top(Scope.label("Crime"), "now", 10).ids()).containsExactly("crime1", "crime2");
        assertThat(trending.top(Scope.label("News"), "today", 10).ids()).containsExactly("news1", "news2");
        assertThat(trending.top(Scope.category("metro"), "week", 10).ids()).containsExactly("crime1", "news2");
        assertThat(trending.top(Scope.category("politics"), "now", 1).ids()).containsExactly("news1");
        assertThat(trending.top(Scope.category("sport"), "now", 10).items()).isEmpty();
    }

    @Test
    void relabelledArticleMovesToItsNewScope() {
        ArticleMeta m = add("x", "News", "metro", 3);
        add("y", "Crime", "metro", 1);
        trending.register(new ArticleMeta(m.id(), m.title(), m.url(), m.publishedAt(), "Crime", "sport", true));
        assertThat(trending.top(Scope.label("News"), "now", 10).items()).isEmpty();
        assertThat(trending.top(Scope.label("Crime"), "now", 10).ids()).containsExactly("x", "y");
        assertThat(trending.top(Scope.category("metro"), "now", 10).ids()).containsExactly("y");
        assertThat(trending.top(Scope.category("sport"), "now", 10).ids()).containsExactly("x");
        views("y", 5);
        assertThat(trending.top(Scope.label("Crime"), "now", 10).ids()).containsExactly("y", "x");
    }

    @Test
    void articlesPastTheMaximumAgeOrNotYetPublishedAreLeftOut() {
        trending.register(article("old", clock.instant().minus(Duration.ofDays(8))));
        trending.register(article("scheduled", clock.instant().plus(Duration.ofHours(1))));
        trending.register(article("ok", clock.instant().minus(Duration.ofDays(6))));
        trending.register(unpublished("draft", clock.instant()));
        views("old", 50);
        views("ok", 1);
        assertThat(trending.top(Scope.ALL, "week", 10).ids()).containsExactly("ok");
    }

    @Test
    void anArticleAgesOutOfEveryScopeButItsEventsStillCount() {
        ArticleMeta m = add("ageing", "Crime", "metro", 3);
        clock.advance(Duration.ofDays(7).minusHours(2));
        add("young", "Crime", "metro", 0);
        assertThat(trending.top(Scope.label("Crime"), "week", 10).ids()).containsExactly("ageing", "young");
        clock.advance(Duration.ofHours(2));
        assertThat(trending.top(Scope.ALL, "week", 10).ids()).containsExactly("young");
        assertThat(trending.top(Scope.label("Crime"), "week", 10).ids()).containsExactly("young");
        assertThat(trending.top(Scope.category("metro"), "week", 10).ids()).containsExactly("young");
        assertThat(trending.record(EngagementEvent.view("ageing"))).isEqualTo(Outcome.ACCEPTED);
        assertThat(trending.explain("ageing", "week").orElseThrow().counts().get(EventType.VIEW))
                .isEqualTo(4);
        assertThat(trending.top(Scope.ALL, "week", 10).ids()).containsExactly("young");
        // republished (a correction moved its date): listed again
        trending.register(new ArticleMeta(m.id(), m.title(), m.url(), clock.instant(), "Crime", "metro", true));
        assertThat(trending.top(Scope.category("metro"), "week", 10).ids()).containsExactly("ageing", "young");
    }

    @Test
    void withdrawnArticleLeavesTheList() {
        ArticleMeta m = add("w", "News", null, 5);
        add("v", "News", null, 1);
        trending.register(new ArticleMeta(m.id(), m.title(), m.url(), m.publishedAt(), "News", null, false));
        assertThat(trending.top(Scope.ALL, "now", 10).ids()).containsExactly("v");
    }

    @Test
    void atMostNItemsOfOneCategoryForVariety() {
        for (int i = 0; i < 6; i++) {
            add("sport" + i, "News", "sport", 20 - i);
        }
        add("metro", "News", "metro", 1);
        add("nocat", "News", null, 1);
        var list = trending.top(Scope.ALL, "now", 10);
        assertThat(list.ids()).containsExactly("sport0", "sport1", "sport2", "sport3", "metro", "nocat");
        assertThat(trending.top(Scope.category("sport"), "now", 10).ids())
                .as("no cap inside one category")
                .hasSize(6);
    }

    @Test
    void pinnedArticlesComeFirstAndBlockedOnesNeverShow() {
        add("a", "News", null, 9);
        add("b", "Crime", null, 8);
        add("c", "News", null, 7);
        trending.register(article("oldPinned", clock.instant().minus(Duration.ofDays(30))));
        trending.pin("c");
        trending.pin("oldPinned");
        trending.block("a");
        var list = trending.top(Scope.ALL, "now", 10);
        assertThat(list.ids()).containsExactly("c", "oldPinned", "b");
        assertThat(list.items()).extracting(TrendingItem::pinned).containsExactly(true, true, false);
        assertThat(list.items()).extracting(TrendingItem::rank).containsExactly(1, 2, 3);
        assertThat(trending.top(Scope.label("Crime"), "now", 10).ids()).containsExactly("b");
        trending.block("c");
        trending.unpin("oldPinned");
        trending.unblock("a");
        assertThat(trending.top(Scope.ALL, "now", 10).ids()).containsExactly("a", "b");
    }

    @Test
    void risingRanksShortWindowRateAgainstTheBaseline() {
        trending.register(article("steady", clock.instant().minus(Duration.ofDays(2))));
        trending.register(article("spike", clock.instant().minus(Duration.ofDays(2))));
        trending.register(article("quiet", clock.instant().minus(Duration.ofDays(2))));
        for (int h = 0; h < 48; h++) {
            views("steady", 30);
            views("spike", 1);
            clock.advance(Duration.ofHours(1));
        }
        views("spike", 300);
        views("quiet", 1); // below the minimum engagement: not listed
        var rising = trending.rising(Scope.ALL, 10);
        assertThat(rising.window()).isEqualTo("rising");
        assertThat(rising.ids()).containsExactly("spike", "steady");
        assertThat(rising.items().get(0).score())
                .isGreaterThan(3 * rising.items().get(1).score());
        assertThat(trending.top(Scope.ALL, "week", 1).ids()).containsExactly("steady");
    }

    @Test
    void limitAndWindowAreChecked() {
        assertThatThrownBy(() -> trending.top(Scope.ALL, "now", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> trending.top(Scope.ALL, "now", 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> trending.top(Scope.ALL, "month", 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("now");
    }
}
