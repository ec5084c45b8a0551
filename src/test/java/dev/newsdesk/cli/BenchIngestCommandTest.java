package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BenchIngestCommandTest {

    @Test
    void printsThroughputOfEachOperationAndTheRatiosToJsoup() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Main.run(
                new String[] {"bench-ingest", "--pages", "2", "--posts", "30", "--warmups", "0", "--iterations", "2"},
                new PrintWriter(out, true),
                new PrintWriter(err, true));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("jsoup parse", "html extraction", "wxr reading")
                .containsPattern("html extraction / jsoup parse = \\d+\\.\\d\\d")
                .containsPattern("wxr reading / jsoup parse = \\d+\\.\\d\\d")
                .contains("cores");
        // 30 items, about one in ten a page or attachment: the WXR reader returned the posts among them
        assertThat(out.toString()).containsPattern("\\((2\\d|30) articles per iteration\\)");
    }
}
