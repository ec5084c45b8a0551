package dev.newsdesk.cli;

import dev.newsdesk.classify.LoadedModel;
import dev.newsdesk.classify.ModelFile;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --model}: a model file, or the bundled model when absent. */
final class ModelOption {

    @Option(names = "--model", paramLabel = "FILE", description = "Model file (default: the bundled model).")
    Path model;

    LoadedModel load() {
        return model == null ? ModelFile.loadBundled() : ModelFile.load(model);
    }
}
