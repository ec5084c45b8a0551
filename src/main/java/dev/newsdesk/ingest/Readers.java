package dev.newsdesk.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The one entry point of ingestion: picks a reader by explicit format, content type, file extension or the first
 * bytes ({@link #read(InputStream, InputHint, Consumer)}, used by the CLI and the HTTP API alike), and bounds every
 * input by {@link IngestLimits}.
 */
public final class Readers {

    private final IngestLimits limits;
    private final ReadOptions options;

    public Readers(IngestLimits limits) {
        this(limits, ReadOptions.DEFAULT);
    }

    public Readers(IngestLimits limits, ReadOptions options) {
        this.limits = limits;
        this.options = options;
    }

    public static Readers withDefaults() {
        return new Readers(IngestLimits.DEFAULT);
    }

    public IngestLimits limits() {
        return limits;
    }

    public ReadOptions options() {
        return options;
    }

    /** The same limits with other options. */
    public Readers withOptions(ReadOptions newOptions) {
        return new Readers(limits, newOptions);
    }

    /** The reader for a format. Its input is not bounded by {@code maxInputBytes}; {@link #read} bounds it. */
    public ArticleReader reader(Format format) {
        int record = limits.maxRecordBytes();
        return switch (format) {
            case JSONL -> new JsonlReader(record);
            case CSV -> new CsvReader(record);
            case TEXT -> new TextReader(record);
            case PAGE -> new PageReader(record);
            case HTML -> new HtmlReader(record);
            case WXR -> new WxrReader(record, options);
            case WP_REST -> new WpRestReader(options);
        };
    }

    /**
     * Reads one input of any supported shape: the format is {@code hint}'s explicit one, else the content type's,
     * else the file extension's, else sniffed from the first bytes. More than {@code maxInputBytes} is refused while
     * streaming.
     *
     * @return the format the input was read as
     * @throws InputException for input that cannot be read, naming where and what
     */
    public Format read(InputStream in, InputHint hint, Consumer<Article> sink) {
        BufferedInputStream buffered = bounded(in, hint);
        Format format = detect(hint, buffered);
        reader(format).read(buffered, hint.sourceName(), sink);
        return format;
    }

    /** Reads a page dump with its Trending block. */
    public PageDump readPage(InputStream in, String sourceName) {
        return new PageReader(limits.maxRecordBytes())
                .parse(bounded(in, new InputHint(sourceName, null, Format.PAGE)), sourceName);
    }

    /**
     * The format {@link #read} would use. {@code in} must support mark and reset; up to {@value Detection#HEAD} bytes
     * are looked at and then unread.
     */
    public static Format detect(InputHint hint, InputStream in) {
        if (hint.format() != null) {
            return hint.format();
        }
        byte[] head = peek(in);
        Format f = Detection.byContentType(hint.contentType(), head);
        if (f == null) {
            f = Detection.byFileName(hint.name());
        }
        if (f == Format.TEXT) {
            return Detection.text(head);
        }
        return f != null ? f : Detection.sniff(head);
    }

    /** The format a file name implies, or null when its extension says nothing. */
    public static Format formatOfFileName(String name) {
        return Detection.byFileName(name);
    }

    /** Reads one file, choosing the reader from {@code format} or else the file name and contents. */
    public void read(Path file, Format format, Consumer<Article> sink) {
        try {
            long size = Files.size(file);
            if (size > limits.maxInputBytes()) {
                throw new InputException(
                        file.toString(),
                        "is " + size + " bytes, over the limit of " + limits.maxInputBytes()
                                + "; raise the limit or split the file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                read(in, InputHint.ofFile(file).withFormat(format), sink);
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot be read: " + e.getMessage());
        }
    }

    /** Reads {@code in} as {@code format}. */
    public void read(InputStream in, String sourceName, Format format, Consumer<Article> sink) {
        read(in, new InputHint(sourceName, null, format), sink);
    }

    /**
     * Reads a WordPress REST {@code /wp/v2/categories}, {@code tags} or {@code users} response into id to name, for
     * {@link ReadOptions#withRestNames}.
     */
    public Map<Long, String> readIdNames(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return WpRestReader.idNames(bounded(in, InputHint.ofFile(file)), file.toString());
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot be read: " + e.getMessage());
        }
    }

    /**
     * Reads a corpus: one file, or every {@code .jsonl}, {@code .ndjson} and {@code .csv} file under a directory
     * (sorted by path, so the order is the same on every machine).
     */
    public List<Article> readCorpus(Path path) {
        List<Article> out = new ArrayList<>();
        for (Path file : corpusFiles(path)) {
            read(file, null, out::add);
        }
        return out;
    }

    /** The files a corpus path stands for. */
    public static List<Path> corpusFiles(Path path) {
        if (!Files.exists(path)) {
            throw new InputException(path.toString(), "no such file or directory");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        Format f = formatOfFileName(p.getFileName().toString());
                        return f == Format.JSONL || f == Format.CSV;
                    })
                    .sorted()
                    .toList();
            if (files.isEmpty()) {
                throw new InputException(path.toString(), "holds no .jsonl or .csv files");
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BufferedInputStream bounded(InputStream in, InputHint hint) {
        return new BufferedInputStream(
                new LimitedInputStream(in, limits.maxInputBytes(), hint.sourceName()), Detection.HEAD * 4);
    }

    private static byte[] peek(InputStream in) {
        if (!in.markSupported()) {
            throw new IllegalArgumentException("detection needs a stream that supports mark and reset");
        }
        try {
            in.mark(Detection.HEAD);
            byte[] head = in.readNBytes(Detection.HEAD);
            in.reset();
            return head;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
