package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class WxrReaderTest {

    private static final Readers READERS = Readers.withDefaults();
    private static final Readers ALL_TYPES = READERS.withOptions(
            ReadOptions.DEFAULT.withPostTypes(Set.of("post", "page", "attachment", "nav_menu_item", "wp_navigation")));

    private static List<Article> export(Readers readers) {
        return Shared.read(readers, Format.WXR, Shared.fixture("news-export.xml"));
    }

    private static Article post(String id) {
        return export(READERS).stream()
                .filter(a -> a.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void readsPostsWithAuthorDatesCategoriesTagsAndStatus() {
        Article a = post("101");

        assertThat(a.title()).isEqualTo("Let the Markets Breathe – and Let Traders Plan");
        assertThat(a.author()).isEqualTo("Bisi Adeyemi");
        assertThat(a.published()).isEqualTo(Instant.parse("2025-05-02T06:30:00Z"));
        assertThat(a.siteCategory()).isEqualTo("Columns");
        assertThat(a.categories()).containsExactly("Columns", "Crime");
        assertThat(a.tags()).containsExactly("Markets", "Council");
        assertThat(a.url()).isEqualTo("https://herald.example/2025/05/markets-breathe/");
        assertThat(a.attributes())
                .containsEntry("post_type", "post")
                .containsEntry("status", "publish")
                .containsEntry("sticky", "true")
                .containsEntry("wxr_version", "1.2")
                .containsEntry("slug", "markets-breathe");
    }

    @Test
    void removesBlockEditorCommentsAndTurnsHtmlIntoParagraphs() {
        assertThat(post("101").body())
                .isEqualTo("Every few months the council closes a market with a day’s notice.\n\n"
                        + "A better way\n\n"
                        + "Publish the calendar a season ahead & traders will plan around it.");
    }

    @Test
    void commentsOfAPostAreNotItsText() {
        assertThat(export(READERS)).allSatisfy(a -> assertThat(a.body()).doesNotContain("comment"));
    }

    @Test
    void classicContentKeepsBlankLineParagraphsAndDropsShortcodes() {
        Article a = post("102");

        assertThat(a.body())
                .isEqualTo("Police said the three men forced the rear door of the warehouse at night.\n"
                        + "They were found with bags of rice and two sewing machines.\n\n"
                        + "The rear door\n\n"
                        + "The men will appear in court on Monday.");
        // a zero GMT date (unpublished in WordPress's terms) falls back to the RSS date
        assertThat(a.published()).isEqualTo(Instant.parse("2025-05-03T09:00:00Z"));
        // an author without a display name is named by login; post formats are not categories
        assertThat(a.author()).isEqualTo("desk");
        assertThat(a.categories()).containsExactly("Metro Crime");
    }

    @Test
    void returnsPostsByDefaultAndPagesOnRequestButNeverAttachmentsMenusOrAutoDrafts() {
        assertThat(export(READERS)).extracting(Article::id).containsExactly("101", "102", "105", "108");
        assertThat(export(READERS.withOptions(ReadOptions.DEFAULT.withPostTypes(Set.of("post", "page")))))
                .extracting(Article::id)
                .containsExactly("101", "102", "103", "105", "108");
        assertThat(export(ALL_TYPES)).extracting(Article::id).doesNotContain("106");
    }

    @Test
    void filtersByStatusWhenAsked() {
        Readers published = READERS.withOptions(ReadOptions.DEFAULT.withStatuses(Set.of("publish")));

        assertThat(export(published)).extracting(Article::id).containsExactly("101", "102", "108");
        assertThat(post("105").attributes()).containsEntry("status", "draft");
    }

    @Test
    void marksPasswordProtectedPosts() {
        assertThat(post("108").attributes()).containsEntry("password_protected", "true");
    }

    @Test
    void wxr10TakesTermsWithSlugsAndCallsTagsTags() {
        Article a = Shared.read(Format.WXR, Shared.fixture("export-1.0.xml")).getFirst();

        assertThat(a.categories()).containsExactly("Transport");
        assertThat(a.tags()).containsExactly("fares");
        assertThat(a.published()).isEqualTo(Instant.parse("2008-03-04T10:00:00Z"));
    }

    @Test
    void readsTheEncodingTheExportDeclares() {
        byte[] xml =
                ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss xmlns:wp=\"http://wordpress.org/export/1.2/\">"
                                + "<channel><wp:wxr_version>1.2</wp:wxr_version><item><title>Caf\u00e9 prices</title>"
                                + "<wp:post_type>post</wp:post_type></item></channel></rss>")
                        .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(Shared.read(Format.WXR, xml)).extracting(Article::title).containsExactly("Caf\u00e9 prices");
    }

    @Test
    void skipsAByteOrderMark() {
        byte[] plain = Shared.fixture("export-1.0.xml");
        byte[] withBom = new byte[plain.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, withBom, 3, plain.length);

        assertThat(Shared.read(Format.WXR, withBom)).hasSize(1);
    }

    @Test
    void refusesXmlThatIsNotAWordPressExport() {
        assertThatThrownBy(() -> Shared.read(Format.WXR, "<feed><entry/></feed>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("root element is <feed>");
    }

    @Test
    void streamsItemsToTheSinkBeforeTheEndOfALargeExport() {
        GeneratedExport export = new GeneratedExport(20_000);
        long[] producedAtFirst = {-1};
        int[] count = {0};
        Consumer<Article> sink = a -> {
            if (count[0]++ == 0) {
                producedAtFirst[0] = export.produced();
            }
        };

        READERS.read(export, new InputHint("big.xml", null, null), sink);

        assertThat(count[0]).isEqualTo(20_000);
        assertThat(export.produced()).isGreaterThan(6_000_000L);
        assertThat(producedAtFirst[0]).isLessThan(300_000L);
    }

    /** Every importer fixture, with what Newsdesk does with it and what the WordPress importer does. */
    private static final Map<String, String> IMPORTER_FIXTURES = Map.ofEntries(
            Map.entry("authors-multiline.xml", "1"),
            Map.entry("backslashes.xml", "1"),
            Map.entry("blank-lines.xml", "1"),
            Map.entry("cdata-edge.xml", "1"),
            Map.entry("crazy-cdata-escaped.xml", "1"),
            // unescaped "]]>" inside CDATA: the importer's XML parsers refuse it (only its regex fallback reads it)
            Map.entry("crazy-cdata.xml", "refused: \"]]>\" must not appear in content"),
            Map.entry("e2e-wxr-comprehensive.xml", "1"),
            Map.entry("e2e-wxr-simple.xml", "1"),
            Map.entry("invalid-version-tag.xml", "refused: invalid WXR version number 'abc'"),
            Map.entry("malformed-simple.xml", "refused: malformed XML"),
            Map.entry("malformed.xml", "refused: malformed XML"),
            Map.entry("missing-tags.xml", "1"),
            Map.entry("missing-version-tag.xml", "refused: missing WXR version number"),
            Map.entry("multiple-cdata.xml", "1"),
            // the item that rebinds the wp prefix has no WordPress post type, so it is no post (as in the importer)
            Map.entry("namespace-edge-cases.xml", "5"),
            Map.entry("post-content-blank-lines.xml", "1"),
            Map.entry("slashes.xml", "1"),
            Map.entry("small-export.xml", "6"),
            Map.entry("term-formats.xml", "0"),
            Map.entry("term-meta.xml", "0"),
            Map.entry("theme-unit-test-data.xml", "58"),
            Map.entry("valid-wxr-1.0.xml", "3"),
            Map.entry("valid-wxr-1.1.xml", "1"),
            Map.entry("wxr-simple.xml", "1"),
            Map.entry("wxr-utf-8-challenges.xml", "1"));

    @Test
    void everyImporterFixtureParsesOrIsRefusedLikeTheImporterDoes() throws IOException {
        List<Path> files = xmlFiles(Shared.path("wordpress/wxr/wordpress-importer-fixtures"));
        assertThat(files.stream().map(p -> p.getFileName().toString()))
                .as("every fixture has an expectation here")
                .containsExactlyInAnyOrderElementsOf(IMPORTER_FIXTURES.keySet());

        for (Path file : files) {
            String expected = IMPORTER_FIXTURES.get(file.getFileName().toString());
            if (expected.startsWith("refused: ")) {
                assertThatThrownBy(() -> Shared.readFile(READERS, file, null))
                        .as(file.toString())
                        .isInstanceOf(InputException.class)
                        .hasMessageContaining(expected.substring("refused: ".length()))
                        .satisfies(e -> assertThat(((InputException) e).line()).isPositive());
            } else {
                assertThat(Shared.readFile(READERS, file, null))
                        .as(file.toString())
                        .hasSize(Integer.parseInt(expected));
            }
        }
    }

    @Test
    void readsAsManyItemsAsTheImporterWhenAskedForEveryPostType() {
        // the importer's own test expectations for these files count every item: posts, pages, attachments, menus
        Map<String, Integer> importerCounts = Map.of(
                "valid-wxr-1.0.xml", 6,
                "valid-wxr-1.1.xml", 2,
                "wxr-simple.xml", 1,
                "wxr-utf-8-challenges.xml", 1,
                "crazy-cdata-escaped.xml", 1,
                "theme-unit-test-data.xml", 186);
        importerCounts.forEach((name, count) -> assertThat(Shared.readFile(
                        ALL_TYPES, Shared.path("wordpress/wxr/wordpress-importer-fixtures/" + name), null))
                .as(name)
                .hasSize(count));
    }

    @Test
    void importerFixturesKeepTheContentTheImporterKeeps() {
        assertThat(importerPost("backslashes.xml").body()).contains("C:\\xampp\\htdocs");
        assertThat(importerPost("blank-lines.xml").body()).contains("\n\n");
        assertThat(importerPost("cdata-edge.xml").body()).endsWith("]] >");
        assertThat(importerPost("multiple-cdata.xml").body()).isEqualTo("line oneline twoline three");
        assertThat(importerPost("post-content-blank-lines.xml").body().chars().filter(c -> c == '\n'))
                .hasSize(3);
        assertThat(importerPost("valid-wxr-1.1.xml").categories()).containsExactly("alpha");
        assertThat(importerPost("valid-wxr-1.1.xml").tags()).containsExactly("Clippable");
        assertThat(importerPost("valid-wxr-1.1.xml").author()).isEqualTo("John Doe");
    }

    @Test
    void themeUnitTestExportYieldsItsPostsWithCategoriesAndTags() {
        List<Article> posts = Shared.readFile(
                READERS, Shared.path("wordpress/wxr/theme-test-data/themeunittestdata.wordpress.xml"), null);

        assertThat(posts).hasSize(58);
        assertThat(posts).allSatisfy(a -> assertThat(a.attributes()).containsEntry("post_type", "post"));
        assertThat(posts).filteredOn(a -> !a.categories().isEmpty()).hasSizeGreaterThan(50);
        Article gallery = byTitle(posts, "Post Format: Gallery");
        assertThat(gallery.categories()).contains("Post Formats");
        assertThat(gallery.tags()).contains("gallery", "shortcode");
        assertThat(byTitle(posts, "Edge Case: Many Tags").tags()).hasSizeGreaterThan(40);
        assertThat(byTitle(posts, "Edge Case: Many Categories").categories()).hasSizeGreaterThan(40);
        assertThat(byTitle(posts, "Draft").attributes()).containsEntry("status", "draft");
        // one post shows block markup as code, so "<!-- wp:code -->" is its text; closing delimiters never are
        assertThat(posts).allSatisfy(a -> assertThat(a.body()).doesNotContain("<!-- /wp:", "<p>", "[gallery"));
    }

    @Test
    void everyThemeTestExportParses() throws IOException {
        for (Path file : xmlFiles(Shared.path("wordpress/wxr/theme-test-data"))) {
            assertThat(Shared.readFile(READERS, file, null)).as(file.toString()).isNotEmpty();
        }
        List<Article> blocks =
                Shared.readFile(READERS, Shared.path("wordpress/wxr/theme-test-data/64-block-test-data.xml"), null);
        assertThat(blocks).hasSize(61).allSatisfy(a -> assertThat(a.body()).doesNotContain("wp:", "<!--"));
    }

    private static Article importerPost(String name) {
        return Shared.readFile(READERS, Shared.path("wordpress/wxr/wordpress-importer-fixtures/" + name), null)
                .getFirst();
    }

    private static Article byTitle(List<Article> posts, String title) {
        return posts.stream().filter(a -> a.title().equals(title)).findFirst().orElseThrow();
    }

    private static List<Path> xmlFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }

    /** A WXR export produced on the fly, item by item, counting the bytes handed out. */
    private static final class GeneratedExport extends InputStream {
        private final int items;
        private int next;
        private byte[] chunk = ("<?xml version=\"1.0\"?><rss xmlns:wp=\"http://wordpress.org/export/1.2/\""
                        + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
                        + "<wp:wxr_version>1.2</wp:wxr_version>")
                .getBytes(StandardCharsets.UTF_8);
        private int pos;
        private long produced;

        GeneratedExport(int items) {
            this.items = items;
        }

        long produced() {
            return produced;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == chunk.length && !refill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            produced += n;
            return n;
        }

        private boolean refill() {
            if (next > items) {
                return false;
            }
            String text = next == items
                    ? "</channel></rss>"
                    : "<item><title>Item " + next + "</title><wp:post_id>" + next
                            + "</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>"
                            + "<content:encoded><![CDATA[<p>" + "Words of the generated item. ".repeat(8)
                            + "</p>]]></content:encoded></item>\n";
            next++;
            chunk = text.getBytes(StandardCharsets.UTF_8);
            pos = 0;
            return true;
        }
    }

    @Test
    void generatedExportIsWellFormed() {
        List<Article> out = new ArrayList<>();
        READERS.read(new GeneratedExport(2), new InputHint("g.xml", null, null), out::add);
        assertThat(out).extracting(Article::title).containsExactly("Item 0", "Item 1");
    }
}
