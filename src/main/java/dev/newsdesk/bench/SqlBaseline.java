package dev.newsdesk.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * What the popular CMS modules do: one row per view, and per list a {@code SUM(weight) ... GROUP BY article} over a
 * sliding window, here in an in-memory H2 (the fastest H2 can be) with a covering index on (time, article, weight).
 * Views are spread over 7 days; article ids skewed toward the newest like the engine's traffic.
 */
final class SqlBaseline {

    private static final String TOP = "SELECT article_id, SUM(weight) AS score FROM views WHERE viewed_at >= ?"
            + " GROUP BY article_id ORDER BY score DESC LIMIT 20";

    private SqlBaseline() {}

    static TrendingBench.SqlResult run(int articles, int views, int windowHours, int reads, long seed) {
        if (views == 0) {
            return new TrendingBench.SqlResult(0, windowHours, 0, 0, 0, 0, 0, "");
        }
        try (Connection c =
                DriverManager.getConnection("jdbc:h2:mem:trending-bench-" + seed + ";DB_CLOSE_DELAY=0", "sa", "")) {
            long now = System.currentTimeMillis() / 1000;
            long start = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute(
                        "CREATE TABLE views(article_id INT NOT NULL, viewed_at BIGINT NOT NULL, weight REAL NOT NULL)");
                s.execute("CALL RAND(" + seed + ")");
                s.execute("INSERT INTO views SELECT CAST(FLOOR(POWER(RAND(), 4) * " + articles + ") AS INT), " + now
                        + " - CAST(RAND() * 7 * 86400 AS BIGINT), 1 FROM SYSTEM_RANGE(1, " + views + ")");
                s.execute("CREATE INDEX views_window ON views(viewed_at, article_id, weight)");
                s.execute("ANALYZE");
            }
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            long since = now - windowHours * 3600L;
            long rows;
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM views WHERE viewed_at >= ?")) {
                p.setLong(1, since);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    rows = r.getLong(1);
                }
            }
            String plan;
            try (PreparedStatement p = c.prepareStatement("EXPLAIN " + TOP)) {
                p.setLong(1, since);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    plan = r.getString(1).replaceAll("\\s+", " ");
                }
            }
            long[] nanos = new long[reads];
            var random = new SplittableRandom(seed);
            try (PreparedStatement p = c.prepareStatement(TOP);
                    PreparedStatement view = c.prepareStatement("INSERT INTO views VALUES (?, ?, 1)")) {
                for (int i = -1; i < reads; i++) { // -1: warm-up
                    // As on a live site, views arrive between two lists and the window slides: without this, H2
                    // hands back the previous result of the same query on unchanged tables.
                    long nowSec = System.currentTimeMillis() / 1000;
                    view.setInt(1, random.nextInt(articles));
                    view.setLong(2, nowSec);
                    view.executeUpdate();
                    p.setLong(1, nowSec - windowHours * 3600L);
                    long t = System.nanoTime();
                    top(p);
                    if (i >= 0) {
                        nanos[i] = System.nanoTime() - t;
                    }
                }
            }
            Arrays.sort(nanos);
            return new TrendingBench.SqlResult(
                    views,
                    windowHours,
                    rows,
                    loadSeconds,
                    TrendingBench.pct(nanos, 0.5) / 1e3,
                    nanos[reads - 1] / 1e3,
                    reads,
                    plan);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL baseline failed: " + e.getMessage(), e);
        }
    }

    private static void top(PreparedStatement p) throws SQLException {
        int n = 0;
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalStateException("the SQL baseline listed nothing");
        }
    }
}
