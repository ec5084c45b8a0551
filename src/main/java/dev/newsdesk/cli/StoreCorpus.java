package dev.newsdesk.cli;

import dev.newsdesk.article.ArticleStore;
import dev.newsdesk.ingest.Article;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Editors' corrections from the article store, as labelled articles for a training corpus. */
final class StoreCorpus {

    private StoreCorpus() {}

    /** The JDBC URL {@code serve} uses for a data directory by default. */
    static String embeddedUrl(Path dataDirectory) {
        return "jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("db").resolve("newsdesk")
                + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
    }

    static void read(String url, Path dataDirectory, String user, String password, Consumer<Article> sink) {
        String jdbc = url != null ? url : embeddedUrl(dataDirectory);
        var store = ArticleStore.of(new DriverManagerDataSource(jdbc, user, password == null ? "" : password));
        try {
            store.corrected(a -> sink.accept(a.asArticle()));
        } catch (DataAccessException e) {
            Throwable root = e.getMostSpecificCause();
            String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
            throw new IllegalArgumentException("cannot read the article store at " + jdbc + ": "
                    + why.lines().findFirst().orElse(why)
                    + " (the embedded database opens in one process at a time: stop 'serve' first, or while it runs"
                    + " fetch GET /api/v1/corrections with an admin key)");
        }
    }
}
