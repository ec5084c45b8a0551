package dev.newsdesk.ingest;

/**
 * Size bounds for everything read.
 *
 * @param maxInputBytes largest single input (file or request body) read; larger ones are refused before reading
 * @param maxRecordBytes largest single record (a JSONL line, a CSV row, one post)
 */
public record IngestLimits(long maxInputBytes, int maxRecordBytes) {

    /** 2 GiB inputs (WXR exports are large but streamed), 16 MiB records. */
    public static final IngestLimits DEFAULT = new IngestLimits(2L << 30, 16 << 20);

    public IngestLimits {
        if (maxInputBytes <= 0 || maxRecordBytes <= 0) {
            throw new IllegalArgumentException("ingest limits must be positive");
        }
    }
}
