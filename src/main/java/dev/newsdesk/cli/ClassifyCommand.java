package dev.newsdesk.cli;

import dev.newsdesk.classify.Classifier;
import dev.newsdesk.classify.ClassifierOptions;
import dev.newsdesk.classify.Prediction;
import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.Format;
import dev.newsdesk.ingest.InputException;
import dev.newsdesk.ingest.InputHint;
import dev.newsdesk.ingest.Readers;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code newsdesk classify}: label articles from files or standard input. */
@Command(
        name = "classify",
        mixinStandardHelpOptions = true,
        description = "Label articles from files or standard input.")
final class ClassifyCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption model;

    @Parameters(
            paramLabel = "FILE",
            arity = "0..*",
            description = "Files to classify; none or '-' reads standard input.")
    List<Path> files = new ArrayList<>();

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description =
                    "Input shape: text, page, html, wxr, wp-rest, jsonl, csv (default: from the file name, else the content).")
    String format;

    @Option(names = "--json", description = "One JSON object per article.")
    boolean json;

    @Option(
            names = "--min-confidence",
            paramLabel = "P",
            description = "Flag predictions below P as needing review (default: the model's).")
    Double minConfidence;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        var loaded = model.load();
        double threshold = minConfidence != null
                ? minConfidence
                : Double.parseDouble(loaded.card().options().getOrDefault("minConfidence", "0.6"));
        Classifier classifier = new Classifier(loaded, ClassifierOptions.DEFAULT.withMinConfidence(threshold));
        Format explicit = format == null ? null : Format.parse(format);
        Readers readers = Readers.withDefaults();
        List<Path> inputs = files.isEmpty() ? List.of(Path.of("-")) : files;
        for (Path file : inputs) {
            boolean stdin = file.toString().equals("-");
            String name = stdin ? "stdin" : file.toString();
            try (InputStream in = stdin ? System.in : Files.newInputStream(file)) {
                readers.read(in, new InputHint(name, null, explicit), a -> print(o, classifier.classify(a), a));
            } catch (NoSuchFileException e) {
                throw new InputException(name, "no such file");
            }
        }
        o.flush();
        return Main.OK;
    }

    private void print(PrintWriter o, Prediction p, Article a) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id());
            m.put("title", a.title());
            m.put("label", p.label());
            m.put("confidence", p.confidence());
            m.put("probabilities", p.probabilities());
            m.put("needsReview", p.needsReview());
            m.put("evidence", p.evidence());
            m.put("modelVersion", p.modelVersion());
            o.println(JSON.writeValueAsString(m));
        } else {
            o.printf(
                    Locale.ROOT,
                    "%s\t%s\t%.3f%s\t%s%n",
                    a.id(),
                    p.label(),
                    p.confidence(),
                    p.needsReview() ? "\tneeds review" : "",
                    p.evidence().stream()
                            .limit(5)
                            .map(Prediction.Evidence::term)
                            .collect(Collectors.joining(", ")));
        }
    }
}
