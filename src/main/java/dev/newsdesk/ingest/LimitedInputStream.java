package dev.newsdesk.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses an input as soon as more than {@code limit} bytes have come through, so an oversized upload or file is
 * stopped while it streams instead of after it has been read whole.
 */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private final String source;
    private long count;

    LimitedInputStream(InputStream in, long limit, String source) {
        super(in);
        this.limit = limit;
        this.source = source;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    // mark/reset would let bytes be counted twice or not at all; detection buffers above this stream instead
    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) {
        count += n;
        if (count > limit) {
            throw new InputException(
                    source, "is larger than the limit of " + limit + " bytes; raise the limit or split the input");
        }
    }
}
