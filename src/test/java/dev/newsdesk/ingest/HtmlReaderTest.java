package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReaderTest {

    private static Article read(String html) {
        return Shared.read(Format.HTML, html.getBytes(StandardCharsets.UTF_8)).getFirst();
    }

    @Test
    void takesMetadataFromOpenGraphArticleTagsAndJsonLd() {
        Article a = Shared.read(Format.HTML, Shared.fixture("article.html")).getFirst();

        assertThat(a.title()).isEqualTo("Flood barriers to be raised along the river");
        assertThat(a.author()).isEqualTo("Chidi Okafor");
        assertThat(a.published()).isEqualTo(Instant.parse("2025-04-09T06:15:00Z"));
        assertThat(a.siteCategory()).isEqualTo("Metro");
        assertThat(a.categories()).containsExactly("Metro", "Environment");
        assertThat(a.tags()).containsExactly("Flooding", "Infrastructure");
        assertThat(a.url()).isEqualTo("https://courier.example/2025/04/flood-barriers/");
        assertThat(a.id()).isEqualTo(a.url());
    }

    @Test
    void bodyIsTheArticleContainerWithoutNavigationShareBarsCommentsRelatedPostsOrScripts() {
        Article a = Shared.read(Format.HTML, Shared.fixture("article.html")).getFirst();

        assertThat(a.body().split("\n\n"))
                .containsExactly(
                        "The state water board will raise the flood barriers on both banks of the river before the"
                                + " rains begin in June.",
                        "Engineers said the work would add half a metre to the height of the walls & replace three of"
                                + " the old sluice gates.",
                        "Residents of the low-lying streets near the market have asked for the work for years.\n"
                                + "Several of them lost goods in last year’s floods.",
                        "Cost and timing",
                        "The board put the cost at four billion naira, to be shared with the federal ministry.");
        assertThat(a.body())
                .doesNotContain(
                        "Share",
                        "Related",
                        "Bridge repairs",
                        "Leave a Reply",
                        "email address",
                        "Advertisement",
                        "track(",
                        "Skip to content",
                        "Governor opens",
                        "Copyright",
                        "wp:paragraph");
    }

    @Test
    void fallsBackToH1BylineAndTimeWithoutMetadata() {
        Article a = read("""
                <html><head><title>Port strike ends | Coast Times</title></head><body>
                <nav><a href="/">Home</a></nav>
                <article><h1>Port strike ends after two weeks</h1>
                <p class="byline">By Ada Nwosu</p><time datetime="2024-11-02">2 November</time>
                <p>Dock workers returned on Monday after the union accepted the offer.</p>
                <p>Ships had queued outside the harbour since the strike began.</p>
                <ul class="share-buttons"><li>Share on Facebook</li></ul></article>
                <div class="comments-area"><p>Great news!</p></div></body></html>
                """);

        assertThat(a.title()).isEqualTo("Port strike ends after two weeks");
        assertThat(a.author()).isEqualTo("Ada Nwosu");
        assertThat(a.published()).isEqualTo(Instant.parse("2024-11-02T00:00:00Z"));
        assertThat(a.siteCategory()).isNull();
        assertThat(a.body())
                .isEqualTo("Dock workers returned on Monday after the union accepted the offer.\n\n"
                        + "Ships had queued outside the harbour since the strike began.");
    }

    @Test
    void wordPressMarksOnTheArticleElementDoNotHideTheArticle() {
        Article a = read("<article class=\"post comments-open has-share\"><h1>Title</h1><p>Kept text.</p></article>");

        assertThat(a.body()).isEqualTo("Kept text.");
    }

    @Test
    void pageWithoutArticleContainerUsesTheBodyMinusItsChrome() {
        Article a = read("<body><header>Site</header><h1>Water tariffs</h1><p>The board raised tariffs.</p>"
                + "<footer>Contact us</footer><script>x()</script></body>");

        assertThat(a.title()).isEqualTo("Water tariffs");
        assertThat(a.body()).isEqualTo("The board raised tariffs.");
    }

    @Test
    void brokenJsonLdIsIgnored() {
        Article a = read("<head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", </script></head>"
                + "<body><h1>Headline</h1><p>Text.</p></body>");

        assertThat(a.title()).isEqualTo("Headline");
    }

    @Test
    void declaredLegacyCharsetIsHonoured() {
        byte[] page = "<html><head><meta charset=\"windows-1252\"></head><body><h1>Caf\u00e9 reopens</h1><p>Yes.</p>"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));

        assertThat(Shared.read(Format.HTML, page).getFirst().title()).isEqualTo("Caf\u00e9 reopens");
    }

    @Test
    void refusesHtmlWithNoArticleText() {
        assertThatThrownBy(() -> read("<html><head><script>x()</script></head><body><nav>Home</nav></body></html>"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("no title and no text");
    }

    @Test
    void wordPressContentKeepsParagraphsAndLineBreaksAndDropsBlockComments() {
        String text = HtmlText.ofWordPress("<!-- wp:paragraph -->\n<p>One.</p>\n<!-- /wp:paragraph -->\n\n"
                + "Two lines\nof classic text.\n\nThree [gallery ids=\"1,2\"] done.");

        assertThat(text).isEqualTo("One.\n\nTwo lines\nof classic text.\n\nThree done.");
        assertThat(List.of(text.split("\n\n"))).hasSize(3);
    }
}
