package dev.newsdesk.system;

import dev.newsdesk.classify.Classifier;
import dev.newsdesk.classify.ClassifierOptions;
import dev.newsdesk.classify.LoadedModel;
import dev.newsdesk.classify.ModelCard;
import dev.newsdesk.classify.ModelException;
import dev.newsdesk.classify.ModelFile;
import dev.newsdesk.classify.ModelHolder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * The served model. Loads it at start from the configured file, else the newest {@code *.ndm} in the model directory,
 * else the bundled model; swaps in a new one on {@link #reload()} or when the watched file or directory changes. A
 * new model is loaded and verified in full before the swap, so requests never see a half-loaded one and a broken
 * file leaves the old model serving.
 */
@Service
public final class ModelService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ModelService.class);

    private final ClassifySettings settings;
    private final Path directory;
    private final ModelHolder holder;
    private final MultiGauge info;
    private final ScheduledExecutorService watcher;
    private volatile FileState watched;
    private volatile String source;

    public ModelService(ClassifySettings settings, DataSettings data, MeterRegistry registry) {
        this.settings = settings;
        this.directory = settings.modelDirectory() != null ? settings.modelDirectory() : data.resolve("models");
        this.info = MultiGauge.builder("newsdesk.model.info")
                .description("The served model; its version is the tag, the value is always 1")
                .register(registry);
        this.watched = watchedState();
        Loaded first = loadFromSource();
        this.holder = new ModelHolder(first.classifier());
        this.source = first.source();
        publish(first.classifier().card());
        log.info(
                "model {} loaded from {}; scoring: {}",
                first.classifier().card().version(),
                first.source(),
                first.classifier().scoringPath());
        if (settings.watchInterval().isZero()) {
            this.watcher = null;
        } else {
            this.watcher = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("newsdesk-model-watch").factory());
            long every = settings.watchInterval().toMillis();
            watcher.scheduleWithFixedDelay(this::checkQuietly, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** The classifier to use for one request: take it once and use it throughout. */
    public Classifier current() {
        return holder.get();
    }

    public ModelCard card() {
        return holder.get().card();
    }

    /** Where the served model came from: a file path or {@code bundled}. */
    public String source() {
        return source;
    }

    /** The watched directory for new model files. */
    public Path directory() {
        return directory;
    }

    /**
     * Loads the model again from its source (the configured file, or the newest in the model directory) and swaps it
     * in; throws {@link ModelException} and keeps the old model when the new one cannot be used.
     */
    public synchronized Swap reload() {
        watched = watchedState();
        Loaded next = loadFromSource();
        Classifier old = holder.swap(next.classifier());
        source = next.source();
        publish(next.classifier().card());
        log.info(
                "model {} replaced {} (from {})",
                next.classifier().card().version(),
                old.card().version(),
                next.source());
        return new Swap(old.card().version(), next.classifier().card());
    }

    /** What a reload did: the version replaced and the card of the new model. */
    public record Swap(String previousVersion, ModelCard card) {}

    /** Reloads when the watched model file or directory has changed since the last look; true if it swapped. */
    public synchronized boolean checkForNewModel() {
        FileState now = watchedState();
        if (Objects.equals(now, watched)) {
            return false;
        }
        watched = now;
        try {
            reload();
            return true;
        } catch (ModelException e) {
            // a file still being copied fails its checksum; its next change is looked at again
            log.warn("new model file not used, the current model keeps serving: {}", e.getMessage());
            return false;
        }
    }

    private void checkQuietly() {
        try {
            checkForNewModel();
        } catch (RuntimeException e) {
            log.warn("model watch failed: {}", e.getMessage());
        }
    }

    private record Loaded(Classifier classifier, String source) {}

    private Loaded loadFromSource() {
        if (settings.modelPath() != null) {
            return new Loaded(
                    classifier(ModelFile.load(settings.modelPath())),
                    settings.modelPath().toString());
        }
        Path newest = newestInDirectory();
        if (newest != null) {
            return new Loaded(classifier(ModelFile.load(newest)), newest.toString());
        }
        try {
            return new Loaded(classifier(ModelFile.loadBundled()), "bundled");
        } catch (ModelException e) {
            throw new ModelException("no model to serve: this build has no bundled model, newsdesk.classify.model-path"
                    + " is not set and " + directory + " holds no *.ndm file; train one with 'newsdesk train'"
                    + " and pass --newsdesk.classify.model-path=FILE");
        }
    }

    private Classifier classifier(LoadedModel loaded) {
        double min = settings.minConfidence() != null
                ? settings.minConfidence()
                : Double.parseDouble(loaded.card().options().getOrDefault("minConfidence", "0.6"));
        return new Classifier(loaded, new ClassifierOptions(min, settings.maxTextChars(), settings.evidenceTerms()));
    }

    private void publish(ModelCard card) {
        info.register(List.of(MultiGauge.Row.of(Tags.of("version", card.version()), 1)), true);
    }

    /** Name, size and modification time of the file a reload would read; null when there is none. */
    private record FileState(Path path, long size, long modified) {}

    private FileState watchedState() {
        Path p = settings.modelPath() != null ? settings.modelPath() : newestInDirectory();
        if (p == null) {
            return null;
        }
        try {
            return new FileState(p, Files.size(p), Files.getLastModifiedTime(p).toMillis());
        } catch (IOException e) {
            return null;
        }
    }

    private Path newestInDirectory() {
        if (!Files.isDirectory(directory)) {
            return null;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ndm"))
                    .filter(Files::isRegularFile)
                    .max(Comparator.comparingLong(ModelService::modified).thenComparing(Path::toString))
                    .orElse(null);
        } catch (IOException e) {
            log.warn("cannot list model directory {}: {}", directory, e.getMessage());
            return null;
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }

    @Override
    public void destroy() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }
}
