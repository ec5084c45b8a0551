package dev.newsdesk.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
        String text = decode(in, sourceName, maxBytes);
        String trimmed = text.strip();
        int nl = trimmed.indexOf('\n');
        String title = nl < 0 ? trimmed : trimmed.substring(0, nl).strip();
        String body = nl < 0 ? "" : trimmed.substring(nl + 1).strip();
        sink.accept(Article.of(sourceName, title, body));
    }

    /** Reads the whole input as strict UTF-8, refusing more than {@code maxBytes} and binary content. */
    static String decode(InputStream in, String sourceName, int maxBytes) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            throw new InputException(sourceName, "is over the size limit of " + maxBytes + " bytes");
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new InputException(sourceName, "looks binary (it holds NUL bytes); give plain text or HTML");
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InputException(sourceName, "is not valid UTF-8; convert it to UTF-8");
        }
    }
}
