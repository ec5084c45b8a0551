package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BenchHttpCommandTest {

    @Test
    void aShortInProcessRunReportsEveryPhaseAgainstItsTarget() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Main.run(
                new String[] {
                    "bench-http",
                    "--in-process",
                    "--seconds=1",
                    "--classify-rate=20",
                    "--articles=20",
                    "--clients=2",
                    "--event-batch=5",
                    "--corpus=src/test/resources/classify/tiny-corpus.jsonl"
                },
                new PrintWriter(out, true),
                new PrintWriter(err, true));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("machine: ")
                .containsPattern("classify 5000-byte articles at 20 req/s for 1 s: 20 answered, 0 errors, p50")
                .containsPattern("events in batches of 5, 2 clients: \\d+ events/s accepted \\(\\d+ req/s, 0 errors\\)")
                .containsPattern("trending reads \\(top 10\\), 2 clients: \\d+ req/s, 0 errors")
                .containsPattern("server RSS after the run: \\d+ MiB")
                .contains("[target ");
    }
}
