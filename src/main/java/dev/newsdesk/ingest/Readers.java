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
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The one entry point of ingestion: picks a reader by format, file extension or content type. */
public final class Readers {

    private final IngestLimits limits;

    public Readers(IngestLimits limits) {
        this.limits = limits;
    }

    public static Readers withDefaults() {
        return new Readers(IngestLimits.DEFAULT);
    }

    public IngestLimits limits() {
        return limits;
    }

    /** The reader for a format. */
    public ArticleReader reader(Format format) {
        return switch (format) {
            case JSONL -> new JsonlReader(limits.maxRecordBytes());
            case CSV -> new CsvReader(limits.maxRecordBytes());
            case TEXT -> new TextReader(limits.maxRecordBytes());
            default -> throw new UnsupportedOperationException("no reader yet for " + format.id());
        };
    }

    /** The format a file name implies, or null when its extension says nothing. */
    public static Format formatOfFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
            return Format.JSONL;
        }
        if (n.endsWith(".csv")) {
            return Format.CSV;
        }
        if (n.endsWith(".txt") || n.endsWith(".text")) {
            return Format.TEXT;
        }
        return null;
    }

    /** Reads one file, choosing the reader from {@code format} or else the file name. */
    public void read(Path file, Format format, Consumer<Article> sink) {
        Format f = format != null ? format : formatOfFileName(file.getFileName().toString());
        if (f == null) {
            throw new InputException(
                    file.toString(), "cannot tell the format from the file name; name it with --format");
        }
        try {
            long size = Files.size(file);
            if (size > limits.maxInputBytes()) {
                throw new InputException(
                        file.toString(),
                        "is " + size + " bytes, over the limit of " + limits.maxInputBytes()
                                + "; raise the limit or split the file");
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                reader(f).read(in, file.toString(), sink);
            }
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

    /** Reads {@code in} as {@code format}. */
    public void read(InputStream in, String sourceName, Format format, Consumer<Article> sink) {
        reader(format).read(in, sourceName, sink);
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
}
