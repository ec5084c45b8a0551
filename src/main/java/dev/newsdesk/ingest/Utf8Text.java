package dev.newsdesk.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whole-input text for the shapes that are read at once (a page, an HTML document): strict UTF-8, a byte cap, and
 * the line and column of the first byte that is not text, so a user can find it.
 */
final class Utf8Text {

    private Utf8Text() {}

    /** Reads at most {@code maxBytes}; more is refused before it is held in memory. */
    static byte[] readBounded(InputStream in, String source, int maxBytes) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            throw new InputException(
                    source, "is over the size limit of " + maxBytes + " bytes; raise the limit or split the input");
        }
        return bytes;
    }

    /** Reads and decodes; see {@link #decode(byte[], String)}. */
    static String read(InputStream in, String source, int maxBytes) {
        return decode(readBounded(in, source, maxBytes), source);
    }

    /** Decodes strict UTF-8 without a leading byte order mark; NUL bytes and invalid sequences are refused. */
    static String decode(byte[] bytes, String source) {
        int start = hasBom(bytes) ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw positioned(bytes, start, i, source, "holds a NUL byte, so it looks binary; give text or HTML");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw positioned(
                    bytes, start, in.position(), source, "is not valid UTF-8 here; convert the input to UTF-8");
        }
        return out.flip().toString();
    }

    /** The 1-based column (in characters) of the first invalid UTF-8 sequence in a line, or -1 when there is none. */
    static long badColumn(byte[] bytes, int offset, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(ByteBuffer.wrap(bytes, offset, length), out, true);
        return result.isError() ? out.position() + 1 : -1;
    }

    /** The stream without a leading UTF-8 byte order mark (spreadsheet programs write one). */
    static InputStream withoutBom(InputStream raw) {
        InputStream in = raw.markSupported() ? raw : new java.io.BufferedInputStream(raw);
        try {
            in.mark(3);
            if (!hasBom(in.readNBytes(3))) {
                in.reset();
            }
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean hasBom(byte[] b) {
        return b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF;
    }

    /** An error at byte {@code offset}, with the line and the column counted in characters as an editor shows them. */
    private static InputException positioned(byte[] bytes, int start, int offset, String source, String problem) {
        long line = 1;
        long column = 1;
        for (int i = start; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return new InputException(source, line, column, problem);
    }
}
