package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageReaderTest {

    private static final Readers READERS = Readers.withDefaults();
    private static final List<String> CHROME = List.of(
            "Leave a Reply", "Your email address will not be published", "Trending", "Exit mobile version", "By:");

    private static PageDump seed(String prefix) throws IOException {
        Path dir = Shared.path("seeds");
        try (var files = Files.list(dir)) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no seed " + prefix + "* in " + dir.toAbsolutePath()));
            try (InputStream in = Files.newInputStream(file)) {
                return READERS.readPage(in, file.getFileName().toString());
            }
        }
    }

    private static PageDump fixture(String name) {
        return READERS.readPage(new ByteArrayInputStream(Shared.fixture(name)), name);
    }

    @Test
    void listingSeedGivesFourArticlesWithTitlesAuthorsAndCategories() throws IOException {
        PageDump page = seed("000_");

        assertThat(page.articles()).hasSize(4);
        assertThat(page.articles())
                .extracting(Article::author)
                .containsExactly("Zagazola Makama", "Zagazola Makama", "Zagazola Makama", "Our Reporter");
        assertThat(page.articles()).extracting(Article::siteCategory).containsExactly("News", "Crime", "Crime", "News");
        assertThat(page.articles()).allSatisfy(a -> assertThat(a.title()).isNotBlank());
        assertThat(page.articles()).extracting(Article::id).doesNotHaveDuplicates();
    }

    @Test
    void listingSeedBodiesHoldNoChromeNorTheirTitleOrTheTrendingBlock() throws IOException {
        PageDump page = seed("000_");
        List<String> trendingTitles =
                page.trending().stream().map(TrendingEntry::title).toList();

        assertThat(page.articles()).allSatisfy(a -> {
            List<String> paragraphs = List.of(a.body().split("\n\n"));
            assertThat(paragraphs).hasSizeGreaterThan(1).doesNotContain(a.title(), "-", "End");
            assertThat(paragraphs).doesNotContainAnyElementsOf(trendingTitles);
            assertThat(a.body()).doesNotContain(CHROME);
        });
    }

    @Test
    void listingSeedTrendingBlockHasEightEntriesWithCategoryAgeAndTitle() throws IOException {
        List<TrendingEntry> trending = seed("000_").trending();

        assertThat(trending).hasSize(8);
        assertThat(trending).allSatisfy(e -> {
            assertThat(e.category()).isNotBlank().doesNotContainPattern("\\d");
            assertThat(e.age()).matches("\\d+ (year|month|week|day|hour|minute)s? ago");
            assertThat(e.title()).isNotBlank().isNotEqualTo("-");
        });
        assertThat(trending.getFirst().category()).isEqualTo("News");
        assertThat(trending.getFirst().age()).isEqualTo("1 year ago");
        assertThat(trending)
                .extracting(TrendingEntry::category)
                .containsOnly("News", "Opinions", "Columns", "ACADEMICS", "Politics");
    }

    @Test
    void articleSeedGivesOneArticleStartingWithItsFirstParagraphAndNoChrome() throws IOException {
        PageDump page = seed("001_");

        assertThat(page.articles()).hasSize(1);
        Article a = page.articles().getFirst();
        assertThat(a.body()).startsWith("Mali stands at a critical turning point");
        assertThat(a.body()).doesNotContain(CHROME).doesNotContain("Published\n", "\non\n");
        assertThat(List.of(a.body().split("\n\n"))).doesNotContain(a.title());
        assertThat(a.author()).isEqualTo("Zagazola Makama");
        assertThat(a.siteCategory()).isEqualTo("News");
        assertThat(page.trending()).isEmpty();
    }

    @Test
    void listingFixtureDropsRepeatedTitleAndSignOffAndKeepsParagraphs() {
        PageDump page = fixture("listing-page.txt");

        assertThat(page.articles())
                .extracting(Article::siteCategory)
                .containsExactly("Opinions", "Metro Crime", "News");
        Article crime = page.articles().get(1);
        assertThat(crime.title()).isEqualTo("Two held over stolen generators in Ikeja");
        assertThat(crime.author()).isEqualTo("Tunde Bello");
        assertThat(crime.body().split("\n\n")).hasSize(3);
        assertThat(crime.body()).endsWith("once the investigation ends.");
        assertThat(page.articles().getFirst().body()).doesNotContain("Why Our Markets Need Evening Hours");
    }

    @Test
    void trendingEntriesSplitCategoryFromAge() {
        assertThat(fixture("listing-page.txt").trending())
                .containsExactly(
                        new TrendingEntry("Opinions", "3 weeks ago", "Letter to the commissioner on potholes"),
                        new TrendingEntry("Crime", "2 days ago", "Court remands suspects in bank fraud case"),
                        new TrendingEntry("Sports", "1 hour ago", "Local club wins the regional cup"));
    }

    @Test
    void articlePageTakesTheDateAfterPublishedOnAndStopsAtTheCommentForm() {
        Article a = fixture("article-page.txt").articles().getFirst();

        assertThat(a.siteCategory()).isEqualTo("Columns");
        assertThat(a.published()).isEqualTo(Instant.parse("2025-03-03T00:00:00Z"));
        assertThat(a.body()).startsWith("A teacher in a public school").endsWith("within a few years.");
        assertThat(a.body()).doesNotContain("Comment", "Teachers Deserve Better Pay");
    }

    @Test
    void pageWithoutBylinesIsOneArticleTitledByItsFirstLine() {
        String text = "Water rationing begins\n\nThe utility will supply each district on alternate days.\n";
        PageDump page = READERS.readPage(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t");

        assertThat(page.articles()).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("Water rationing begins");
            assertThat(a.body()).isEqualTo("The utility will supply each district on alternate days.");
        });
    }

    @Test
    void bylineWithoutColonCountsOnlyUnderARepeatedTitle() {
        String text = "Roads\nBy Tuesday the bridge was open again.\nTraffic eased by noon.\n";
        PageDump page = READERS.readPage(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t");

        assertThat(page.articles()).singleElement().satisfies(a -> assertThat(a.author())
                .isNull());
    }

    @Test
    void seedsAreDetectedAsPageDumpsByTheirContent() throws IOException {
        try (var files = Files.list(Shared.path("seeds"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(p))) {
                    assertThat(Readers.detect(InputHint.ofFile(p), in))
                            .as(p.toString())
                            .isEqualTo(Format.PAGE);
                }
            }
        }
    }
}
