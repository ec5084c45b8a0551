package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchTrendingCommandTest {

    @TempDir
    Path work;

    @Test
    void tinyRunPrintsEveryFigureWithItsTarget() {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(
                new String[] {
                    "bench-trending",
                    "--articles",
                    "2000",
                    "--events",
                    "50000",
                    "--durable-events",
                    "20000",
                    "--reads",
                    "200",
                    "--visitors",
                    "500",
                    "--sql-views",
                    "20000",
                    "--sql-reads",
                    "2",
                    "--work-dir",
                    work.toString()
                },
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("scoring, defaults")
                .contains("scoring, all listed")
                .contains("scoring, durable log")
                .contains("top-20 all/now")
                .contains("memory, engine")
                .contains("SQL baseline (H2 in memory): 20,000 views")
                .contains("engine vs SQL")
                .containsPattern("outcomes: \\{ACCEPTED=\\d+, BOT=\\d+, PREFETCH=\\d+, DUPLICATE=\\d+");
        assertThat(work.toFile().list()).isEmpty();
    }

    @Test
    void nonsenseSizesAreAUsageError() {
        var err = new StringWriter();
        int code = Main.run(
                new String[] {"bench-trending", "--articles", "0"},
                new PrintWriter(new StringWriter()),
                new PrintWriter(err, true));
        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("sizes must be positive");
    }
}
