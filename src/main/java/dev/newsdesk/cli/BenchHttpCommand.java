package dev.newsdesk.cli;

import dev.newsdesk.bench.HttpBench;
import dev.newsdesk.ingest.Readers;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsdesk bench-http}: load on the HTTP API against its targets. */
@Command(
        name = "bench-http",
        mixinStandardHelpOptions = true,
        description = {
            "Load the HTTP API: start-up, classify at a fixed rate, events, trending reads, server memory.",
            "By default starts 'serve' as a separate process (--serve-command); --url measures a running server."
        })
final class BenchHttpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--url", description = "A running server to load (it must accept --key for writes).")
    URI url;

    @Option(names = "--in-process", description = "Start the server inside this JVM instead.")
    boolean inProcess;

    @Option(
            names = "--serve-command",
            defaultValue = "./newsdesk serve",
            description =
                    "How to start a separate server (default: ${DEFAULT-VALUE}); JVM options via NEWSDESK_JAVA_OPTS.")
    String serveCommand;

    @Option(names = "--model", paramLabel = "FILE", description = "Model the server loads (default: its own default).")
    Path model;

    @Option(names = "--key", description = "Write key of the server at --url.")
    String key;

    @Option(
            names = "--corpus",
            defaultValue = "training/corpus",
            description = "Texts to send (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--seconds", defaultValue = "20", description = "Length of each phase (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(
            names = "--classify-rate",
            defaultValue = "300",
            description = "Classify requests/s (default: ${DEFAULT-VALUE}).")
    double classifyRate;

    @Option(
            names = "--article-bytes",
            defaultValue = "5000",
            description = "Classified article size (default: ${DEFAULT-VALUE}).")
    int articleBytes;

    @Option(
            names = "--articles",
            defaultValue = "2000",
            description = "Articles for events and trending (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--clients", defaultValue = "8", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(
            names = "--event-batch",
            defaultValue = "50",
            description = "Events per batch request (default: ${DEFAULT-VALUE}).")
    int eventBatch;

    @Override
    public Integer call() throws Exception {
        List<String> serveArgs = new ArrayList<>();
        if (model != null) {
            serveArgs.add("--newsdesk.classify.model-path=" + model.toAbsolutePath());
        }
        new HttpBench(spec.commandLine().getOut())
                .run(
                        Readers.withDefaults().readCorpus(corpus),
                        new HttpBench.Options(
                                url,
                                inProcess,
                                List.of(serveCommand.strip().split("\\s+")),
                                serveArgs,
                                key,
                                seconds,
                                classifyRate,
                                articleBytes,
                                articles,
                                clients,
                                eventBatch));
        return Main.OK;
    }
}
