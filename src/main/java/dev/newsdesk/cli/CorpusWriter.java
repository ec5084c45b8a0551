package dev.newsdesk.cli;

import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.CategoryMapping;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes labelled articles as a corpus (JSONL, the schema {@code train} reads) to a temporary file beside the
 * target, moved into place by {@link #commit()}; closing without committing leaves the target as it was.
 */
final class CorpusWriter implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path target;
    private final Path tmp;
    private final BufferedWriter out;
    private final CategoryMapping mapping;
    private final boolean keepDuplicates;
    private final Map<String, Integer> labels = new TreeMap<>();
    // 64-bit hashes of title and text: constant memory per article, collisions negligible at corpus sizes
    private final Set<Long> seen = new HashSet<>();
    private int dropped;
    private int empty;
    private int duplicates;

    CorpusWriter(Path target, CategoryMapping mapping, boolean keepDuplicates) throws IOException {
        this.target = target.toAbsolutePath();
        this.mapping = mapping;
        this.keepDuplicates = keepDuplicates;
        Files.createDirectories(this.target.getParent());
        this.tmp = Files.createTempFile(this.target.getParent(), "." + this.target.getFileName() + ".", ".tmp");
        this.out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
    }

    /** Labels the article and writes it, unless it is empty, dropped by the mapping or a repeat. */
    void accept(Article a) {
        if (a.title().isBlank() && a.body().isBlank()) {
            empty++;
            return;
        }
        var labelled = mapping.apply(a);
        if (labelled.isEmpty()) {
            dropped++;
            return;
        }
        write(labelled.get());
    }

    /** Writes an article that already has its label (an editor's correction), unless it is empty or a repeat. */
    void acceptLabelled(Article a) {
        if (a.title().isBlank() && a.body().isBlank()) {
            empty++;
            return;
        }
        write(a);
    }

    private void write(Article l) {
        if (!keepDuplicates && !seen.add(hash(l))) {
            duplicates++;
            return;
        }
        try {
            out.write(JSON.writeValueAsString(l.toCorpusFields()));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        labels.merge(l.label(), 1, Integer::sum);
    }

    /** Moves the finished corpus into place, replacing any older one. */
    void commit() throws IOException {
        out.close();
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** What happened to the articles, in one line. */
    String summary(Path shownAs) {
        int written = labels.values().stream().mapToInt(Integer::intValue).sum();
        String perLabel = labels.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return "wrote " + written + " articles to " + shownAs + (written > 0 ? " (" + perLabel + ")" : "")
                + "; left out " + dropped + " by the mapping, " + duplicates + " duplicates, " + empty
                + " without text";
    }

    private static long hash(Article a) {
        long h = 1125899906842597L;
        for (String s : List.of(a.title().strip(), a.body().strip())) {
            for (int i = 0; i < s.length(); i++) {
                h = 31 * h + s.charAt(i);
            }
            h = 31 * h + 0x1F;
        }
        return h;
    }
}
