package dev.newsdesk.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes a stream strictly and counts lines and columns as it goes, so bytes that are not text in the charset are
 * refused with the exact line and column where they start. Parsers read characters from it and never see bad bytes
 * (the JDK's XML parser would otherwise also print them to stderr).
 */
final class StrictReader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final String source;
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
    private boolean end;
    private boolean flushed;
    private long line = 1;
    private long column = 1;

    StrictReader(InputStream in, Charset charset, String source) {
        this.in = in;
        this.source = source;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buf, off, len);
        while (out.position() == off) {
            if (flushed) {
                return -1;
            }
            CoderResult result = decoder.decode(bytes, out, end);
            if (result.isError()) {
                if (out.position() > off) {
                    break; // hand over the good characters first; the next read reports the bad ones
                }
                throw new InputException(
                        source, line, column, "is not valid " + decoder.charset() + " here; convert it to UTF-8");
            }
            if (out.position() > off) {
                break;
            }
            if (end) {
                decoder.flush(out);
                flushed = true;
            } else {
                fill();
            }
        }
        int n = out.position() - off;
        for (int i = off; i < off + n; i++) {
            if (buf[i] == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return n;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            end = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
