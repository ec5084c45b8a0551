package dev.newsdesk.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class ArticleStoreTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    private DriverManagerDataSource dataSource;
    private ArticleStore store;

    @BeforeEach
    void migrate() {
        String url = "jdbc:h2:mem:store-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        dataSource = new DriverManagerDataSource(url, "sa", "");
        store = ArticleStore.of(dataSource);
    }

    private static StoredArticle article(String id) {
        return StoredArticles.labelled(id, "News", T);
    }

    private List<String> deletedSince(Instant since) {
        var ids = new ArrayList<String>();
        store.forEachDeletedSince(since, ids::add);
        return ids;
    }

    @Test
    void aDeleteRemovesTheArticleAndLeavesATombstone() {
        store.save(article("a1"));

        assertThat(store.delete("a1", T.plusSeconds(5))).isTrue();

        assertThat(store.find("a1")).isEmpty();
        assertThat(deletedSince(T)).containsExactly("a1");
        assertThat(store.delete("a1", T.plusSeconds(6))).isFalse();
    }

    @Test
    void aDeleteThatCannotLeaveItsTombstoneDeletesNothing() {
        store.save(article("a1"));
        JdbcClient.create(dataSource).sql("DROP TABLE article_deletion").update();

        assertThatThrownBy(() -> store.delete("a1", T.plusSeconds(5))).isInstanceOf(DataAccessException.class);

        assertThat(store.find("a1")).isPresent();
    }
}
