package dev.newsdesk.ingest;

import java.io.InputStream;
import java.util.function.Consumer;

/** Reads one input shape into articles. Implementations stream: each article reaches the sink once complete. */
public interface ArticleReader {

    /** The shape this reader understands. */
    Format format();

    /**
     * Reads every article in {@code in}. Bad input raises {@link InputException} naming {@code sourceName} and,
     * where the format has them, the line and column; articles already handed to the sink stay handed.
     */
    void read(InputStream in, String sourceName, Consumer<Article> sink);
}
