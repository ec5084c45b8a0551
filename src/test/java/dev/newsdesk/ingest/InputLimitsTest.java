package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InputLimitsTest {

    private static final long LIMIT = 256 * 1024;
    private static final Readers SMALL = new Readers(new IngestLimits(LIMIT, 1 << 20));

    /** A valid start for each format, then the same record over and over, for as long as anyone reads. */
    private static InputStream endless(Format format) {
        String[] parts =
                switch (format) {
                    case WXR ->
                        new String[] {
                            "<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><wp:wxr_version>1.2</wp:wxr_version>",
                            "<item><title>Again</title><wp:post_type>post</wp:post_type></item>\n"
                        };
                    case WP_REST ->
                        new String[] {"[", "{\"title\":{\"rendered\":\"Again\"},\"content\":{\"rendered\":\"x\"}},"};
                    case JSONL -> new String[] {"", "{\"title\":\"Again\",\"text\":\"words\"}\n"};
                    case CSV -> new String[] {"title,text\n", "Again,words\n"};
                    case HTML -> new String[] {"<html><body><article>", "<p>Again and again.</p>\n"};
                    case PAGE, TEXT -> new String[] {"Title\n", "Another line of the same text.\n"};
                };
        return new Endless(parts[0].getBytes(StandardCharsets.UTF_8), parts[1].getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void refusesInputOverTheLimitWhileStreamingIt(Format format) {
        Endless in = (Endless) endless(format);

        assertThatThrownBy(() -> SMALL.read(in, new InputHint("endless", null, format), a -> {}))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("limit");
        // read at most one buffer past the limit: the input was never held whole
        assertThat(in.served).isLessThan(LIMIT + 128 * 1024);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void detectionAloneAlsoStopsAtTheLimit(Format format) {
        Endless in = (Endless) endless(format);

        assertThatThrownBy(() -> SMALL.read(in, new InputHint("endless", null, null), a -> {}))
                .isInstanceOf(InputException.class);
        assertThat(in.served).isLessThan(LIMIT + 128 * 1024);
    }

    @org.junit.jupiter.api.Test
    void refusesAFileOverTheLimitBeforeReadingIt(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.jsonl");
        Files.write(big, new byte[(int) LIMIT + 1]);

        assertThatThrownBy(() -> SMALL.read(big, null, a -> {}))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("over the limit of " + LIMIT);
    }

    @org.junit.jupiter.api.Test
    void wholeDocumentFormatsAreBoundedByTheRecordLimit() {
        Readers tinyRecords = new Readers(new IngestLimits(LIMIT, 1024));
        byte[] page = ("<p>" + "word ".repeat(400) + "</p>").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Shared.read(tinyRecords, Format.HTML, page))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("size limit of 1024 bytes");
    }

    @org.junit.jupiter.api.Test
    void refusesAWxrFieldOverTheRecordLimit() {
        Readers tinyRecords = new Readers(new IngestLimits(LIMIT, 1024));
        String xml = "<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><wp:wxr_version>1.2</wp:wxr_version>"
                + "<item><title>" + "x".repeat(5000) + "</title></item></channel></rss>";

        assertThatThrownBy(() -> Shared.read(tinyRecords, Format.WXR, xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("longer than 1024 characters");
    }

    private static final class Endless extends InputStream {
        private final byte[] head;
        private final byte[] body;
        private long served;

        Endless(byte[] head, byte[] body) {
            this.head = head;
            this.body = body;
        }

        private byte at(long i) {
            return i < head.length ? head[(int) i] : body[(int) ((i - head.length) % body.length)];
        }

        @Override
        public int read() {
            return at(served++) & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                b[off + i] = at(served++);
            }
            return len;
        }
    }
}
