package dev.newsdesk.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads strict UTF-8 lines with a cap on line length, so a line-based reader reports invalid bytes and absurd
 * lines by line number instead of failing somewhere deep in a parser.
 */
final class Utf8Lines {

    private final InputStream in;
    private final String source;
    private final int maxLineBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private long lineNumber;
    private byte[] line = new byte[1024];

    Utf8Lines(InputStream in, String source, int maxLineBytes) {
        this.in = in;
        this.source = source;
        this.maxLineBytes = maxLineBytes;
    }

    /** The number of the line last returned, 1-based. */
    long lineNumber() {
        return lineNumber;
    }

    /** The next line without its terminator, or null at the end. */
    String next() {
        int len = 0;
        boolean any = false;
        try {
            while (true) {
                if (pos == limit) {
                    limit = in.read(buf, 0, buf.length);
                    pos = 0;
                    if (limit <= 0) {
                        limit = 0;
                        if (!any) {
                            return null;
                        }
                        break;
                    }
                }
                any = true;
                byte b = buf[pos++];
                if (b == '\n') {
                    break;
                }
                if (len == maxLineBytes) {
                    throw new InputException(
                            source,
                            lineNumber + 1,
                            -1,
                            "line is longer than " + maxLineBytes + " bytes; split the record or raise the size limit");
                }
                if (len == line.length) {
                    line = java.util.Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
                }
                line[len++] = b;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lineNumber++;
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        int start = lineNumber == 1
                        && len >= 3
                        && line[0] == (byte) 0xEF
                        && line[1] == (byte) 0xBB
                        && line[2] == (byte) 0xBF
                ? 3
                : 0;
        try {
            CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(line, start, len - start));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new InputException(
                    source,
                    lineNumber,
                    Utf8Text.badColumn(line, start, len - start),
                    "is not valid UTF-8 here; convert the file to UTF-8");
        }
    }
}
