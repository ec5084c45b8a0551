package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WpRestReaderTest {

    private static final Readers READERS = Readers.withDefaults();

    @Test
    void embeddedPostsTakeCategoriesTagsAndAuthorFromEmbedded() {
        List<Article> posts = Shared.read(Format.WP_REST, Shared.fixture("rest-posts-embed.json"));

        assertThat(posts).hasSize(2);
        Article a = posts.getFirst();
        assertThat(a.id()).isEqualTo("311");
        assertThat(a.title()).isEqualTo("Editorial: Power Cuts Can’t Be the New Normal");
        assertThat(a.author()).isEqualTo("Editorial Board");
        assertThat(a.published()).isEqualTo(Instant.parse("2025-06-10T07:00:00Z"));
        assertThat(a.categories()).containsExactly("Editorial", "News & Politics");
        assertThat(a.siteCategory()).isEqualTo("Editorial");
        assertThat(a.tags()).containsExactly("Electricity");
        assertThat(a.url()).isEqualTo("https://herald.example/2025/06/editorial-power-cuts/");
        assertThat(a.body())
                .isEqualTo("The grid failed four times this month.\n\n"
                        + "Households & shops pay twice: once for the tariff, again for diesel.");
        assertThat(posts.get(1).body()).isEqualTo("Two men were held at the jetty.");
        assertThat(posts.get(1).categories()).containsExactly("Metro Crime");
    }

    @Test
    void postsWithoutEmbedResolveIdsThroughLookupFiles() {
        Path dir = Path.of("src/test/resources/ingest");
        Readers withNames = READERS.withOptions(ReadOptions.DEFAULT.withRestNames(
                READERS.readIdNames(dir.resolve("rest-categories.json")),
                READERS.readIdNames(dir.resolve("rest-tags.json")),
                READERS.readIdNames(dir.resolve("rest-users.json"))));

        Article a = Shared.read(withNames, Format.WP_REST, Shared.fixture("rest-posts.json"))
                .getFirst();

        assertThat(a.siteCategory()).isEqualTo("Letters");
        assertThat(a.tags()).containsExactly("Electricity", "Tolls");
        assertThat(a.author()).isEqualTo("Musa Danjuma");
    }

    @Test
    void lookupFilesDecodeEntitiesInNames() {
        Map<Long, String> names = READERS.readIdNames(Path.of("src/test/resources/ingest/rest-categories.json"));

        assertThat(names).containsEntry(22L, "Sports & Leisure");
    }

    @Test
    void postsWithoutEmbedOrLookupKeepTheCategoryIds() {
        Article a =
                Shared.read(Format.WP_REST, Shared.fixture("rest-posts.json")).getFirst();

        assertThat(a.siteCategory()).isNull();
        assertThat(a.attributes()).containsEntry("category_ids", "21");
    }

    @Test
    void sharedSamplesParse() {
        Readers withCategories = READERS.withOptions(ReadOptions.DEFAULT.withRestNames(
                READERS.readIdNames(Shared.path("wordpress/rest/categories-collection.json")),
                READERS.readIdNames(Shared.path("wordpress/rest/tags-collection.json")),
                READERS.readIdNames(Shared.path("wordpress/rest/users-collection.json"))));

        for (String name : List.of("posts-collection.json", "post-model.json")) {
            List<Article> posts = Shared.readFile(withCategories, Shared.path("wordpress/rest/" + name), null);
            assertThat(posts).as(name).singleElement().satisfies(a -> {
                assertThat(a.id()).isEqualTo("4");
                assertThat(a.title()).isNotBlank();
                assertThat(a.body()).isNotBlank().doesNotContain("<p>");
                assertThat(a.siteCategory()).isEqualTo("Uncategorized");
                assertThat(a.published()).isNotNull();
            });
        }
    }

    @Test
    void refusesACategoriesFileGivenAsPostsSayingWhereItBelongs() {
        assertThatThrownBy(
                        () -> Shared.readFile(READERS, Shared.path("wordpress/rest/categories-collection.json"), null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("is not a post")
                .hasMessageContaining("--categories");
    }

    @Test
    void keepsOnlyAskedPostTypes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pages.json");
        Files.writeString(
                file,
                "[{\"id\":1,\"type\":\"page\",\"title\":{\"rendered\":\"About\"},\"content\":{\"rendered\":\"x\"}}]",
                StandardCharsets.UTF_8);

        assertThat(Shared.readFile(READERS, file, null)).isEmpty();
        assertThat(Shared.readFile(
                        READERS.withOptions(ReadOptions.DEFAULT.withPostTypes(java.util.Set.of("post", "page"))),
                        file,
                        null))
                .hasSize(1);
    }

    @Test
    void refusesJsonThatIsNotPosts() {
        assertThatThrownBy(() -> Shared.read(Format.WP_REST, "\"just a string\"".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("an array of posts or one post object");
    }
}
