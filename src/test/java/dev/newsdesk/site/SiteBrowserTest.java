package dev.newsdesk.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.trending.EventType;
import dev.newsdesk.trending.Trending;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * The site pieces end to end in headless Chromium against the whole service: the demo page's widget, the beacon's
 * view moving an article up the list, the playground and the model report. Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SiteServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SiteBrowserTest {

    private static final String OLDEST = "demo-library-sundays";
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    Trending trending;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(false);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static List<WebElement> widgetItems() {
        return browser.driver().findElements(By.cssSelector("#trending ol.newsdesk-trending > li"));
    }

    private static List<String> widgetIds() {
        return widgetItems().stream()
                .map(li -> li.getDomAttribute("data-article-id"))
                .toList();
    }

    private static String text(WebElement parent, String css) {
        return parent.findElement(By.cssSelector(css)).getDomProperty("textContent");
    }

    @Test
    @Order(0)
    void demoFrontPageListsTheDemoArticlesWithTheLabelsTheModelGaveThem() {
        browser.open(url("/demo"));
        browser.screenshot("demo-front-stories");

        List<WebElement> stories = browser.driver().findElements(By.cssSelector(".stories > li"));
        assertThat(stories)
                .hasSize(
                        DemoArticles.bundled(java.time.Instant.now()).articles().size());
        assertThat(stories).extracting(li -> text(li, ".badge")).allMatch(label -> List.of("Crime", "News", "Opinion")
                .contains(label));
    }

    @Test
    @Order(1)
    void demoPageShowsTheTrendingWidgetWithTheDemoArticlesNewestFirst() {
        DemoArticles demo = DemoArticles.bundled(java.time.Instant.now());

        browser.open(url("/demo"));
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> widgetItems().size() == demo.articles().size());
        browser.screenshot("demo-front");

        assertThat(widgetIds())
                .containsExactlyElementsOf(
                        demo.articles().stream().map(DemoArticle::id).toList());
        WebElement first = widgetItems().getFirst();
        DemoArticle newest = demo.articles().getFirst();
        assertThat(text(first, ".newsdesk-category")).isEqualTo(newest.category());
        assertThat(text(first, ".newsdesk-age")).isEqualTo(newest.hoursAgo() + " hours ago");
        assertThat(text(first, "a.newsdesk-title")).isEqualTo(newest.title());
        assertThat(first.findElement(By.cssSelector("a")).getDomProperty("href"))
                .isEqualTo(url(newest.path()));
        assertThat(browser.driver().findElement(By.cssSelector("#trending ol")).getDomAttribute("aria-label"))
                .isEqualTo("Trending now");
    }

    @Test
    @Order(2)
    void siteRestylesTheWidgetThroughCssCustomProperties() {
        browser.open(url("/demo"));
        browser.waitFor(Duration.ofSeconds(10), d -> !widgetItems().isEmpty());
        String category = "return getComputedStyle(document.querySelector('#trending .newsdesk-category')).color";
        assertThat(browser.script(category)).isEqualTo("rgb(179, 38, 30)");

        browser.script("document.getElementById('trending').style.setProperty('--newsdesk-accent', 'rgb(0, 128, 0)')");

        assertThat(browser.script(category)).isEqualTo("rgb(0, 128, 0)");
    }

    @Test
    @Order(3)
    void aViewFromTheBeaconReachesTheServerAndMovesTheArticleUpTheList() {
        browser.open(url("/demo/" + OLDEST));
        browser.waitFor(Duration.ofSeconds(10), d -> widgetItems().size() == 6);
        assertThat(widgetIds().indexOf(OLDEST))
                .as("with no readers the oldest is last")
                .isEqualTo(5);

        // the beacon sends its view 300 ms after the page became visible; the widget then refreshes
        List<String> after = browser.waitFor(Duration.ofSeconds(10), d -> {
            browser.script("return NewsdeskTrending.refresh()");
            List<String> ids = widgetIds();
            return ids.indexOf(OLDEST) >= 0 && ids.indexOf(OLDEST) < 5 ? ids : null;
        });
        browser.screenshot("demo-article-after-view");

        // "now" halves every 2 h from a prior of 5: the 2 h old article keeps 2.5, the 5 h old one 0.88; one view is 1
        assertThat(after.indexOf(OLDEST)).isEqualTo(1);
        assertThat(trending.explain(OLDEST, "now").orElseThrow().counts()).containsEntry(EventType.VIEW, 1L);
    }

    @Test
    @Order(4)
    void playgroundShowsTheLabelProbabilityBarsAndEvidenceMarkedInTheText() {
        browser.open(url("/playground"));
        enterKey();
        browser.driver().findElement(By.id("example")).click();
        browser.driver().findElement(By.id("submit")).click();

        WebElement result = answered();
        browser.script("arguments[0].scrollIntoView()", result);
        browser.screenshot("playground");

        String label = result.findElement(By.id("label")).getDomProperty("textContent");
        List<WebElement> bars = result.findElements(By.cssSelector(".bar[role=meter]"));
        assertThat(bars).hasSize(3);
        WebElement top = bars.stream()
                .max(java.util.Comparator.comparingInt(b -> Integer.parseInt(b.getDomAttribute("aria-valuenow"))))
                .orElseThrow();
        assertThat(top.getDomAttribute("aria-label")).isEqualTo(label);
        assertThat(label).isIn("Crime", "News", "Opinion");
        List<WebElement> marks = result.findElements(By.cssSelector("#highlighted mark.evidence"));
        assertThat(marks).isNotEmpty();
        assertThat(result.findElements(By.cssSelector("#terms li"))).isNotEmpty();
    }

    private static void enterKey() {
        WebElement key = browser.driver().findElement(By.id("key"));
        key.clear();
        key.sendKeys(SiteServer.WRITE_KEY);
    }

    /** The playground's result once shown; fails with the page's own error message if it shows one instead. */
    private static WebElement answered() {
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> d.findElement(By.id("result")).isDisplayed()
                        || d.findElement(By.id("error")).isDisplayed());
        WebElement error = browser.driver().findElement(By.id("error"));
        assertThat(error.isDisplayed()).as(error.getText()).isFalse();
        return browser.driver().findElement(By.id("result"));
    }

    @Test
    @Order(5)
    void playgroundReadsPastedHtmlAsTextAndNeverRunsIt() {
        browser.open(url("/playground"));
        enterKey();
        String page = "<html><head><title>t</title><script>window.pwned = 1</script></head><body>"
                + "<nav>Home | Sport</nav><h1>Police arrest robbery suspects</h1>"
                + "<p>Police arrested two suspects over the robbery <img src=x onerror=\"window.pwned = 2\">"
                + " and said they will be charged in court.</p></body></html>";
        browser.script("document.getElementById('text').value = arguments[0]", page);
        browser.driver().findElement(By.id("submit")).click();

        WebElement shown = answered().findElement(By.id("highlighted"));

        assertThat(shown.findElement(By.tagName("h3")).getText()).isEqualTo("Police arrest robbery suspects");
        assertThat(shown.getText()).contains("Police arrested two suspects").doesNotContain("Home | Sport");
        assertThat(shown.findElements(By.tagName("img"))).isEmpty();
        assertThat(browser.script("return window.pwned === undefined")).isEqualTo(true);
    }

    @Test
    @Order(6)
    void modelPageShowsTheCardTheHeatMapAndPerLabelMetrics() {
        browser.open(url("/model"));
        browser.screenshot("model-report");

        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).startsWith("Model ");
        assertThat(browser.driver().findElements(By.cssSelector(".heatmap svg rect")))
                .hasSize(9);
        assertThat(browser.driver()
                        .findElements(By.cssSelector("table.metrics tbody tr"))
                        .size())
                .isGreaterThanOrEqualTo(3);
    }
}
