package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.article.ArticleStore;
import dev.newsdesk.article.StoredArticle;
import dev.newsdesk.article.StoredArticles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class CorpusFromStoreTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path data;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int corpus(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static StoredArticle article(String id, String label) {
        return StoredArticles.labelled(id, label, T);
    }

    @Test
    void writesOnlyTheArticlesEditorsLabelledWithTheEditorsLabels() throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("db").resolve("newsdesk");
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        ArticleStore store = ArticleStore.of(new DriverManagerDataSource(url, "sa", ""));
        store.save(article("a1", "Crime"));
        store.save(article("a2", "News"));
        store.correct("a1", "Opinion", "ada", "a column", T.plusSeconds(60));
        Path corpusFile = data.resolve("corrections.jsonl");

        int code = corpus("corpus", "--from-store", "--data-directory=" + data, "--out=" + corpusFile);

        assertThat(code).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(corpusFile);
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).contains("\"id\":\"a1\"").contains("\"label\":\"Opinion\"");
        assertThat(out.toString()).contains("wrote 1 articles").contains("Opinion 1");
    }

    @Test
    void withoutAStoreItSaysWhereItLookedInOneLine() {
        int code = corpus("corpus", "--from-store", "--data-directory=" + data, "--out=" + data.resolve("c.jsonl"));

        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(err.toString().strip())
                .doesNotContain("\n")
                .startsWith("newsdesk: cannot read the article store at jdbc:h2:file:");
    }
}
