package dev.newsdesk.ingest;

import dev.newsdesk.support.TestCorpora;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test inputs: the shared data beside the project (read at run time, never copied) and this package's fixtures. */
final class Shared {

    private Shared() {}

    /** {@code ../shared/<relative>}: {@link TestCorpora#shared}, under the name this package's tests use. */
    static Path path(String relative) {
        return TestCorpora.shared(relative);
    }

    /** A fixture under {@code src/test/resources/ingest/}. */
    static byte[] fixture(String name) {
        try (InputStream in = Shared.class.getResourceAsStream("/ingest/" + name)) {
            if (in == null) {
                throw new AssertionError("no test fixture /ingest/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fixtureText(String name) {
        return new String(fixture(name), StandardCharsets.UTF_8);
    }

    /** Every article {@code format}'s reader finds in {@code bytes}, with default limits and options. */
    static List<Article> read(Format format, byte[] bytes) {
        return read(Readers.withDefaults(), format, bytes);
    }

    static List<Article> read(Readers readers, Format format, byte[] bytes) {
        List<Article> out = new ArrayList<>();
        readers.read(new java.io.ByteArrayInputStream(bytes), new InputHint("test", null, format), out::add);
        return out;
    }

    static List<Article> readFile(Readers readers, Path file, Format format) {
        List<Article> out = new ArrayList<>();
        readers.read(file, format, out::add);
        return out;
    }
}
