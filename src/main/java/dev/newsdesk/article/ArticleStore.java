package dev.newsdesk.article;

import dev.newsdesk.article.StoredArticle.EditorLabel;
import dev.newsdesk.article.StoredArticle.ModelLabel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Articles in H2 or PostgreSQL (schema by Flyway, {@code db/migration}). Upserts are update-then-insert, which every
 * supported database runs the same way; editor corrections live in their own table.
 */
@Component
public final class ArticleStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Double>> PROBABILITIES = new TypeReference<>() {};
    private static final TypeReference<List<String>> TAGS = new TypeReference<>() {};
    private static final String COLUMNS = "a.id, a.title, %s AS body, a.author, a.published, a.site_category, a.tags,"
            + " a.url, a.draft, a.label, a.confidence, a.probabilities, a.needs_review, a.model_version, a.created_at,"
            + " a.updated_at, e.label AS editor_label, e.editor, e.note, e.model_label, e.corrected_at";
    private static final String FROM = " FROM article a LEFT JOIN editor_label e ON e.article_id = a.id";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    /**
     * In the service: Spring's client, which is ready only once the Flyway migrations have run, and the transaction
     * manager of the same data source.
     */
    public ArticleStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Outside the service (the CLI), on a database the service has already migrated. */
    public static ArticleStore of(DataSource dataSource) {
        return new ArticleStore(JdbcClient.create(dataSource), new DataSourceTransactionManager(dataSource));
    }

    public Optional<StoredArticle> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS.formatted("a.body") + FROM + " WHERE a.id = :id")
                .param("id", id)
                .query(ArticleStore::row)
                .optional();
    }

    /** Stores the article, keeping {@code createdAt} of an existing one; true when it is new. */
    public boolean save(StoredArticle a) {
        if (update(a) > 0) {
            return false;
        }
        try {
            insert(a);
            return true;
        } catch (DuplicateKeyException raced) {
            update(a);
            return false;
        }
    }

    private int update(StoredArticle a) {
        return bind(
                        jdbc.sql("UPDATE article SET title = :title, body = :body, author = :author,"
                                + " published = :published, site_category = :siteCategory, tags = :tags, url = :url, draft = :draft,"
                                + " label = :label, confidence = :confidence, probabilities = :probabilities,"
                                + " needs_review = :needsReview, model_version = :modelVersion,"
                                + " updated_at = :updatedAt WHERE id = :id"),
                        a)
                .update();
    }

    private void insert(StoredArticle a) {
        bind(
                        jdbc.sql("INSERT INTO article (id, title, body, author, published, site_category, tags, url,"
                                + " draft, label, confidence, probabilities, needs_review, model_version, created_at,"
                                + " updated_at) VALUES (:id, :title, :body, :author, :published, :siteCategory,"
                                + " :tags, :url, :draft, :label, :confidence, :probabilities, :needsReview, :modelVersion,"
                                + " :createdAt, :updatedAt)"),
                        a)
                .update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, StoredArticle a) {
        ModelLabel m = a.model();
        return sql.param("id", a.id())
                .param("title", a.title())
                .param("body", a.body())
                .param("author", a.author())
                .param("published", time(a.published()))
                .param("siteCategory", a.siteCategory())
                .param("tags", JSON.writeValueAsString(a.tags()))
                .param("url", a.url())
                .param("draft", a.draft())
                .param("label", m.label())
                .param("confidence", m.confidence())
                .param("probabilities", JSON.writeValueAsString(m.probabilities()))
                .param("needsReview", m.needsReview())
                .param("modelVersion", m.modelVersion())
                .param("createdAt", time(a.createdAt()))
                .param("updatedAt", time(a.updatedAt()));
    }

    /**
     * Deletes an article and leaves a tombstone with the time, which other nodes read to drop it from their trending
     * lists ({@link #forEachDeletedSince}).
     */
    public boolean delete(String id, Instant at) {
        // one transaction: a delete without its tombstone would stay listed on the other nodes until they restart
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (jdbc.sql("DELETE FROM article WHERE id = :id").param("id", id).update() == 0) {
                return false;
            }
            jdbc.sql("DELETE FROM article_deletion WHERE id = :id")
                    .param("id", id)
                    .update();
            jdbc.sql("INSERT INTO article_deletion (id, deleted_at) VALUES (:id, :at)")
                    .param("id", id)
                    .param("at", time(at))
                    .update();
            return true;
        }));
    }

    /** Ids deleted at or after {@code since}, oldest first. */
    public void forEachDeletedSince(Instant since, Consumer<String> sink) {
        try (var rows = jdbc
                .sql("SELECT id FROM article_deletion WHERE deleted_at >= :since ORDER BY deleted_at")
                .param("since", time(since))
                .query(String.class)
                .stream()) {
            rows.forEach(sink);
        }
    }

    /** Forgets tombstones older than {@code before}; returns how many. */
    public int pruneDeletions(Instant before) {
        return jdbc.sql("DELETE FROM article_deletion WHERE deleted_at < :before")
                .param("before", time(before))
                .update();
    }

    /** Records an editor's label for a stored article; empty when there is no such article. */
    public Optional<StoredArticle> correct(String id, String label, String editor, String note, Instant at) {
        Optional<StoredArticle> found = find(id);
        if (found.isEmpty()) {
            return found;
        }
        EditorLabel correction =
                new EditorLabel(label, editor, note, found.get().model().label(), at);
        var sql = jdbc.sql("UPDATE editor_label SET label = :label, editor = :editor, note = :note,"
                        + " model_label = :modelLabel, corrected_at = :at WHERE article_id = :id")
                .param("id", id)
                .param("label", label)
                .param("editor", editor)
                .param("note", note)
                .param("modelLabel", correction.modelLabel())
                .param("at", time(at));
        if (sql.update() == 0) {
            try {
                jdbc.sql("INSERT INTO editor_label (article_id, label, editor, note, model_label, corrected_at)"
                                + " VALUES (:id, :label, :editor, :note, :modelLabel, :at)")
                        .param("id", id)
                        .param("label", label)
                        .param("editor", editor)
                        .param("note", note)
                        .param("modelLabel", correction.modelLabel())
                        .param("at", time(at))
                        .update();
            } catch (DuplicateKeyException raced) {
                sql.update();
            }
        }
        jdbc.sql("UPDATE article SET updated_at = :at WHERE id = :id")
                .param("at", time(at))
                .param("id", id)
                .update();
        return Optional.of(found.get().withCorrection(correction, at));
    }

    /** Removes an editor's label; false when there was none. */
    public boolean uncorrect(String id, Instant at) {
        boolean removed = jdbc.sql("DELETE FROM editor_label WHERE article_id = :id")
                        .param("id", id)
                        .update()
                > 0;
        if (removed) {
            jdbc.sql("UPDATE article SET updated_at = :at WHERE id = :id")
                    .param("at", time(at))
                    .param("id", id)
                    .update();
        }
        return removed;
    }

    /**
     * Articles without their bodies, last changed first.
     *
     * @param label only those whose label (the editor's, else the model's) is this; null for all
     * @param since only those stored or corrected at or after this time; null for all
     * @param drafts whether drafts are listed too
     */
    public List<StoredArticle> list(String label, Instant since, boolean drafts, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS.formatted("NULL") + FROM + " WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (label != null) {
            sql.append(" AND COALESCE(e.label, a.label) = :label");
            params.put("label", label);
        }
        if (since != null) {
            sql.append(" AND a.updated_at >= :since");
            params.put("since", time(since));
        }
        if (!drafts) {
            sql.append(" AND a.draft = FALSE");
        }
        sql.append(" ORDER BY a.updated_at DESC, a.id LIMIT :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(ArticleStore::row).list();
    }

    /** Every article without its body, in no particular order: to register them with trending at start. */
    public void forEach(Consumer<StoredArticle> sink) {
        try (var rows = jdbc.sql("SELECT " + COLUMNS.formatted("NULL") + FROM).query(ArticleStore::row).stream()) {
            rows.forEach(sink);
        }
    }

    /** Articles without their bodies stored or corrected at or after {@code since}: to catch up with other nodes. */
    public void forEachChangedSince(Instant since, Consumer<StoredArticle> sink) {
        try (var rows = jdbc
                .sql("SELECT " + COLUMNS.formatted("NULL") + FROM + " WHERE a.updated_at >= :since")
                .param("since", time(since))
                .query(ArticleStore::row)
                .stream()) {
            rows.forEach(sink);
        }
    }

    /** Articles an editor labelled, with their bodies, oldest correction first: the next training corpus. */
    public void corrected(Consumer<StoredArticle> sink) {
        try (var rows = jdbc
                .sql("SELECT " + COLUMNS.formatted("a.body")
                        + " FROM article a JOIN editor_label e ON e.article_id = a.id ORDER BY e.corrected_at, a.id")
                .query(ArticleStore::row)
                .stream()) {
            rows.forEach(sink);
        }
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM article").query(Long.class).single();
    }

    private static StoredArticle row(ResultSet rs, int n) throws SQLException {
        String editorLabel = rs.getString("editor_label");
        EditorLabel correction = editorLabel == null
                ? null
                : new EditorLabel(
                        editorLabel,
                        rs.getString("editor"),
                        rs.getString("note"),
                        rs.getString("model_label"),
                        instant(rs, "corrected_at"));
        return new StoredArticle(
                rs.getString("id"),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("author"),
                instant(rs, "published"),
                rs.getString("site_category"),
                JSON.readValue(rs.getString("tags"), TAGS),
                rs.getString("url"),
                rs.getBoolean("draft"),
                new ModelLabel(
                        rs.getString("label"),
                        rs.getDouble("confidence"),
                        JSON.readValue(rs.getString("probabilities"), PROBABILITIES),
                        rs.getBoolean("needs_review"),
                        rs.getString("model_version")),
                correction,
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static OffsetDateTime time(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
