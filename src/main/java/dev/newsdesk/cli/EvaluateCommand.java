package dev.newsdesk.cli;

import dev.newsdesk.classify.Classifier;
import dev.newsdesk.classify.ClassifierOptions;
import dev.newsdesk.classify.Metrics;
import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.Readers;
import dev.newsdesk.training.ModelEvaluation;
import dev.newsdesk.training.Reports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsdesk evaluate}: a model on a labelled set, with the same reports as training. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = "Score a model on labelled data it did not train on.")
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption model;

    @Option(
            names = "--data",
            required = true,
            paramLabel = "PATH",
            description = "Labelled JSONL/CSV file or directory.")
    Path data;

    @Option(names = "--report", paramLabel = "PREFIX", description = "Write PREFIX.json and PREFIX.html.")
    Path report;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        Classifier classifier = new Classifier(model.load(), ClassifierOptions.DEFAULT);
        List<Article> docs = Readers.withDefaults().readCorpus(data);
        Metrics m = ModelEvaluation.evaluate(classifier, docs, "evaluation on " + data.getFileName());
        o.printf(
                Locale.ROOT,
                "model %s on %s (%d documents): macro-F1 %.4f, accuracy %.4f, calibration error %.4f%n",
                classifier.card().version(),
                data,
                m.documents(),
                m.macroF1(),
                m.accuracy(),
                m.calibrationError());
        o.printf(Locale.ROOT, "%-12s %9s %9s %9s %8s%n", "label", "precision", "recall", "f1", "support");
        m.perLabel().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> o.printf(
                        Locale.ROOT,
                        "%-12s %9.4f %9.4f %9.4f %8d%n",
                        e.getKey(),
                        e.getValue().precision(),
                        e.getValue().recall(),
                        e.getValue().f1(),
                        e.getValue().support()));
        if (report != null) {
            List<Path> written = Reports.write(report, classifier.card(), m);
            o.println("reports: " + written.get(0) + ", " + written.get(1));
        }
        return Main.OK;
    }
}
