package dev.newsdesk.trending;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The process {@link CrashTest} kills. {@code load DIR ARTICLES THREADS}: records views from several threads, half
 * of them through the async API, and prints {@code ack ID} for each event only after it was acknowledged (durable).
 * {@code verify DIR ARTICLES}: replays the log and prints {@code count ID N} per article, then {@code done}. Small
 * segments and a checkpoint every 20 ms under load, so the kill can land in the middle of one.
 */
final class CrashChild {

    private CrashChild() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path dir = Path.of(args[1]);
        int articles = Integer.parseInt(args[2]);
        var out = new PrintStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false,
                StandardCharsets.UTF_8);
        var settings = TrendingSettings.DEFAULTS.withStorage(TrendingSettings.Storage.durable(dir)
                .withSegmentBytes(16 * 1024)
                .withCheckpointSegments(0));
        var engine = new EmbeddedEngine(settings, Clock.systemUTC(), ScoreIndex.REBASE_EXPONENT);
        Trending trending = Trending.of(settings, engine);
        Instant published = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < articles; i++) {
            trending.register(new ArticleMeta("c" + i, "t", "u", published, "News", null, true));
        }
        if (mode.equals("verify")) {
            for (int i = 0; i < articles; i++) {
                long views =
                        trending.explain("c" + i, "now").orElseThrow().counts().get(EventType.VIEW);
                out.println("count c" + i + " " + views);
            }
            out.println("done");
            out.flush();
            trending.close();
            return;
        }
        int threads = Integer.parseInt(args[3]);
        for (int k = 0; k < threads; k++) {
            int thread = k;
            Thread.ofPlatform().daemon().start(() -> load(trending, out, thread, threads, articles));
        }
        Thread.ofPlatform().daemon().start(() -> {
            while (true) {
                engine.checkpoint();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        out.println("ready");
        while (true) {
            Thread.sleep(Duration.ofMillis(5));
            synchronized (out) {
                out.flush();
            }
        }
    }

    private static void load(Trending trending, PrintStream out, int thread, int threads, int articles) {
        boolean async = thread % 2 == 1;
        CompletableFuture<?> last = CompletableFuture.completedFuture(null);
        for (long n = 0; ; n++) {
            String id = "c" + ((n * threads + thread) % articles);
            var event = EngagementEvent.view(id);
            if (async) {
                last = trending.recordAsync(event)
                        .thenAccept(o -> ack(out, o, id))
                        .toCompletableFuture();
                if (n % 500 == 0) {
                    last.join();
                }
            } else {
                ack(out, trending.record(event), id);
            }
        }
    }

    private static void ack(PrintStream out, Outcome o, String id) {
        if (o != Outcome.ACCEPTED) {
            throw new IllegalStateException("unexpected " + o);
        }
        synchronized (out) {
            out.println("ack " + id);
        }
    }
}
