package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.Readers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusCommandTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "ingest");

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private static Map<String, String> labelsById(Path corpus) {
        return Readers.withDefaults().readCorpus(corpus).stream()
                .collect(Collectors.toMap(Article::id, Article::label));
    }

    @Test
    void turnsAWxrExportIntoALabelledCorpusThatTrainingReads(@TempDir Path dir) {
        Path out = dir.resolve("corpus.jsonl");

        Run r = run(
                "corpus", "--from", "wxr", FIXTURES.resolve("news-export.xml").toString(), "--out", out.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        // Columns and Crime: the default mapping's opinion rule comes first
        assertThat(labelsById(out))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("101", "Opinion", "102", "Crime", "105", "News", "108", "News"));
        assertThat(r.out()).contains("wrote 4 articles").contains("Crime 1, News 2, Opinion 1");
        Article first = Readers.withDefaults().readCorpus(out).getFirst();
        assertThat(first.author()).isEqualTo("Bisi Adeyemi");
        assertThat(first.siteCategory()).isEqualTo("Columns");
        assertThat(first.tags()).containsExactly("Markets", "Council");
        assertThat(first.published()).isNotNull();
        assertThat(first.url()).startsWith("https://herald.example/");
    }

    @Test
    void writesTheCorpusSchemaFields(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("c.jsonl");
        run("corpus", FIXTURES.resolve("news-export.xml").toString(), "--out", out.toString());

        String line = Files.readAllLines(out).getFirst();
        assertThat(line)
                .startsWith("{\"id\":\"101\",\"title\":")
                .contains("\"text\":", "\"label\":\"Opinion\"", "\"author\":", "\"site_category\":\"Columns\"")
                .contains("\"published\":\"2025-05-02T06:30:00Z\"", "\"url\":", "\"tags\":[\"Markets\",\"Council\"]");
    }

    @Test
    void mappingFromTheCommandLineLabelsAndDrops(@TempDir Path dir) {
        Path out = dir.resolve("c.jsonl");

        Run r = run(
                "corpus",
                FIXTURES.resolve("news-export.xml").toString(),
                "--map",
                "Business -> drop; Crime, Metro Crime -> Crime; * -> News",
                "--out",
                out.toString());

        assertThat(r.exit()).isZero();
        assertThat(labelsById(out)).containsOnlyKeys("101", "102", "105").containsEntry("101", "Crime");
        assertThat(r.out()).contains("left out 1 by the mapping");
    }

    @Test
    void readsMixedInputsEachByItsOwnFormatAndSkipsDuplicates(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("c.jsonl");
        Path seedDir = Path.of("..", "shared", "seeds");
        if (!Files.isDirectory(seedDir)) {
            throw new AssertionError("shared data missing: " + seedDir.toAbsolutePath()
                    + " (CI clones the project with shared/ beside it; so must you)");
        }
        List<String> seeds;
        try (Stream<Path> files = Files.list(seedDir)) {
            seeds = files.map(Path::toString)
                    .filter(p -> p.endsWith(".txt"))
                    .sorted()
                    .toList();
        }
        assertThat(seeds).as("seed pages in ../shared/seeds").hasSize(2);

        Run r = run(
                "corpus",
                seeds.get(0),
                seeds.get(1),
                FIXTURES.resolve("article.html").toString(),
                "--out",
                out.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        // the article page repeats the listing's first article: written once
        assertThat(r.out()).contains("wrote 5 articles").contains("1 duplicates");
        Map<String, Long> labels = Readers.withDefaults().readCorpus(out).stream()
                .collect(Collectors.groupingBy(Article::label, Collectors.counting()));
        assertThat(labels).containsEntry("Crime", 2L).containsEntry("News", 3L);
    }

    @Test
    void restPostsTakeCategoryNamesFromACategoriesFile(@TempDir Path dir) {
        Path out = dir.resolve("c.jsonl");

        Run r = run(
                "corpus",
                "--from",
                "wp-rest",
                FIXTURES.resolve("rest-posts.json").toString(),
                "--categories",
                FIXTURES.resolve("rest-categories.json").toString(),
                "--out",
                out.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(labelsById(out)).containsExactly(Map.entry("401", "Opinion"));
    }

    @Test
    void badInputExitsTwoWithOneLineAndLeavesNoOutput(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("broken.xml");
        Files.writeString(bad, "<rss><channel><wp:wxr_version>1.2</wp:wxr_version><item>", StandardCharsets.UTF_8);
        Path out = dir.resolve("c.jsonl");

        Run r = run("corpus", FIXTURES.resolve("news-export.xml").toString(), bad.toString(), "--out", out.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).singleElement().asString().startsWith("newsdesk: " + bad);
        assertThat(out).doesNotExist();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("broken.xml");
        }
    }

    @Test
    void failedRunKeepsThePreviousCorpus(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("c.jsonl");
        Files.writeString(out, "{\"id\":\"old\",\"title\":\"t\",\"text\":\"x\",\"label\":\"News\"}\n");

        Run r = run("corpus", dir.resolve("missing.xml").toString(), "--out", out.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no such file");
        assertThat(Files.readString(out)).contains("\"old\"");
    }

    @Test
    void badMappingExitsTwoSayingHowToWriteIt(@TempDir Path dir) {
        Run r = run(
                "corpus",
                FIXTURES.resolve("news-export.xml").toString(),
                "--map",
                "Crime = Crime",
                "--out",
                dir.resolve("c.jsonl").toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("'->'").doesNotContain("Exception");
    }

    @Test
    void showsProgressOnStandardErrorForLargeInputs(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.xml");
        Function<Integer, String> item = i -> "<item><title>Item " + i + "</title><wp:post_id>" + i
                + "</wp:post_id><wp:post_type>post</wp:post_type><category domain=\"category\" nicename=\"n\">"
                + "News</category><content:encoded><![CDATA[<p>" + ("Item " + i + " text. ").repeat(20)
                + "</p>]]></content:encoded></item>\n";
        StringBuilder xml = new StringBuilder("<rss xmlns:wp=\"http://wordpress.org/export/1.2/\" xmlns:content="
                + "\"http://purl.org/rss/1.0/modules/content/\"><channel><wp:wxr_version>1.2</wp:wxr_version>\n");
        for (int i = 0; xml.length() < CorpusCommand.PROGRESS_FROM_BYTES * 2; i++) {
            xml.append(item.apply(i));
        }
        Files.writeString(big, xml.append("</channel></rss>\n"), StandardCharsets.UTF_8);

        Run r = run("corpus", big.toString(), "--out", dir.resolve("c.jsonl").toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("reading: ").contains(" MB (100%)");
    }
}
