package dev.newsdesk.cli;

import dev.newsdesk.ingest.CategoryMapping;
import dev.newsdesk.ingest.Format;
import dev.newsdesk.ingest.IngestLimits;
import dev.newsdesk.ingest.InputException;
import dev.newsdesk.ingest.InputHint;
import dev.newsdesk.ingest.ReadOptions;
import dev.newsdesk.ingest.Readers;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsdesk corpus}: a site's export or pages in, a labelled training corpus (JSONL) out. */
@Command(
        name = "corpus",
        mixinStandardHelpOptions = true,
        description = {
            "Turn a site's export (WXR, WordPress REST JSON) or pages (HTML, page dumps, JSONL, CSV, text) into a"
                    + " training corpus that 'newsdesk train --corpus' reads, labelling each article from its site"
                    + " categories.",
            "Example: newsdesk corpus --from wxr export.xml --map 'Opinions,Columns -> Opinion; Crime -> Crime;"
                    + " * -> News' --out corpus.jsonl",
            "With --from-store: the articles editors labelled through the API (PUT /articles/{id}/label), from the"
                    + " database 'serve' uses, with the editors' labels."
        })
final class CorpusCommand implements Callable<Integer> {

    // below this the read is over before a bar would help
    static final long PROGRESS_FROM_BYTES = 1L << 20;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Input files; '-' reads standard input.")
    List<Path> inputs = new ArrayList<>();

    @Option(
            names = "--from",
            paramLabel = "FORMAT",
            description = "Input shape: wxr, wp-rest, html, page, jsonl, csv, text (default: detected per input).")
    String from;

    @Option(
            names = "--map",
            paramLabel = "SPEC",
            description = "Category to label rules, first match wins (default: the Nigerian-site mapping, '"
                    + "Opinion, Opinions, Columns, Editorial, Letters, Op-Ed ... -> Opinion; Crime, Metro Crime"
                    + " -> Crime; * -> News'). A label 'drop' leaves matching articles out.")
    String map;

    @Option(names = "--map-file", paramLabel = "FILE", description = "Read the rules from FILE, one per line.")
    Path mapFile;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Corpus file to write (JSONL).")
    Path out;

    @Option(
            names = "--post-types",
            split = ",",
            paramLabel = "TYPE",
            defaultValue = "post",
            description = "WordPress post types to keep (default: ${DEFAULT-VALUE}; add page for pages).")
    List<String> postTypes;

    @Option(
            names = "--status",
            split = ",",
            paramLabel = "STATUS",
            description = "WordPress statuses to keep, e.g. publish (default: all but auto-draft, as the importer).")
    List<String> statuses = new ArrayList<>();

    @Option(names = "--categories", paramLabel = "FILE", description = "REST /wp/v2/categories JSON, for ids.")
    Path categories;

    @Option(names = "--tags", paramLabel = "FILE", description = "REST /wp/v2/tags JSON, for ids.")
    Path tags;

    @Option(names = "--users", paramLabel = "FILE", description = "REST /wp/v2/users JSON, for author ids.")
    Path users;

    @Option(names = "--keep-duplicates", description = "Keep articles whose title and text were already written.")
    boolean keepDuplicates;

    @Option(
            names = "--from-store",
            description = "Read the articles editors labelled from the article store instead of INPUT files.")
    boolean fromStore;

    @Option(
            names = "--store-url",
            paramLabel = "JDBC",
            description = "The store 'serve' uses (default: the embedded database under --data-directory).")
    String storeUrl;

    @Option(names = "--store-user", defaultValue = "sa", description = "Database user (default: ${DEFAULT-VALUE}).")
    String storeUser;

    @Option(
            names = "--store-password",
            defaultValue = "${env:NEWSDESK_STORE_PASSWORD}",
            description = "Database password (default: $NEWSDESK_STORE_PASSWORD, else none).")
    String storePassword;

    @Option(
            names = "--data-directory",
            defaultValue = "./newsdesk-data",
            description = "The data directory of 'serve' (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Override
    public Integer call() throws IOException {
        if (fromStore) {
            if (!inputs.isEmpty()) {
                throw new IllegalArgumentException("give INPUT files or --from-store, not both");
            }
            try (CorpusWriter corpus = new CorpusWriter(out, CategoryMapping.NIGERIAN_DEFAULT, keepDuplicates)) {
                StoreCorpus.read(storeUrl, dataDirectory, storeUser, storePassword, corpus::acceptLabelled);
                corpus.commit();
                spec.commandLine().getOut().println(corpus.summary(out));
            }
            return Main.OK;
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("give INPUT files, or --from-store for editors' corrections");
        }
        if (map != null && mapFile != null) {
            throw new IllegalArgumentException("give the mapping with --map or --map-file, not both");
        }
        CategoryMapping mapping = mapFile != null
                ? CategoryMapping.parse(readMapFile(mapFile))
                : map != null ? CategoryMapping.parse(map) : CategoryMapping.NIGERIAN_DEFAULT;
        Format explicit = from == null ? null : Format.parse(from);
        Readers readers = readers();
        Progress progress = Progress.on(spec.commandLine().getErr());
        long total = totalBytes();
        long[] done = {0};
        try (CorpusWriter corpus = new CorpusWriter(out, mapping, keepDuplicates)) {
            for (Path input : inputs) {
                boolean stdin = input.toString().equals("-");
                String name = stdin ? "stdin" : input.toString();
                try (InputStream raw = stdin ? System.in : Files.newInputStream(input);
                        InputStream in = total >= PROGRESS_FROM_BYTES
                                ? new Counting(raw, n -> progress.bytes("reading", done[0] += n, total))
                                : raw) {
                    readers.read(in, new InputHint(name, null, explicit), corpus::accept);
                } catch (NoSuchFileException e) {
                    throw new InputException(name, "no such file");
                }
            }
            corpus.commit();
            spec.commandLine().getOut().println(corpus.summary(out));
        }
        return Main.OK;
    }

    private Readers readers() {
        Readers base = new Readers(IngestLimits.DEFAULT);
        ReadOptions options = ReadOptions.DEFAULT
                .withPostTypes(Set.copyOf(postTypes))
                .withStatuses(Set.copyOf(statuses))
                .withRestNames(names(base, categories), names(base, tags), names(base, users));
        return base.withOptions(options);
    }

    private static Map<Long, String> names(Readers readers, Path file) {
        return file == null ? Map.of() : readers.readIdNames(file);
    }

    private long totalBytes() throws IOException {
        long sum = 0;
        for (Path p : inputs) {
            if (!p.toString().equals("-") && Files.isRegularFile(p)) {
                sum += Files.size(p);
            }
        }
        return sum;
    }

    private static String readMapFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot be read: " + e.getMessage());
        }
    }

    /** Reports each chunk of bytes read, for the progress bar. */
    private static final class Counting extends FilterInputStream {
        private final java.util.function.LongConsumer read;

        Counting(InputStream in, java.util.function.LongConsumer read) {
            super(in);
            this.read = read;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                read.accept(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                read.accept(n);
            }
            return n;
        }
    }
}
