package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void aMissingModelStopsStartUpWithOneLineSayingWhatToFix() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Main.run(
                new String[] {
                    "serve",
                    "--server.port=0",
                    "--newsdesk.data.directory=" + dir,
                    "--newsdesk.classify.model-path=" + dir.resolve("missing.ndm")
                },
                new PrintWriter(out, true),
                new PrintWriter(err, true));

        assertThat(code).isEqualTo(Main.FAILURE);
        assertThat(err.toString().strip())
                .doesNotContain("\n")
                .startsWith("newsdesk: cannot start: ")
                .contains("missing.ndm: no such model file");
    }
}
