package dev.newsdesk.ingest;

import java.io.InputStream;
import java.util.function.Consumer;

/** Plain text: the first non-blank line is the title, the rest the body. One article per input. */
final class TextReader implements ArticleReader {

    private final int maxBytes;

    TextReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Format format() {
        return Format.TEXT;
    }

    @Override
    public void read(InputStream in, String sourceName, Consumer<Article> sink) {
        String text = Utf8Text.read(in, sourceName, maxBytes);
        String trimmed = text.strip();
        int nl = trimmed.indexOf('\n');
        String title = nl < 0 ? trimmed : trimmed.substring(0, nl).strip();
        String body = nl < 0 ? "" : trimmed.substring(nl + 1).strip();
        sink.accept(Article.of(sourceName, title, body));
    }
}
