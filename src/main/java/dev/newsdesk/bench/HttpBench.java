package dev.newsdesk.bench;

import dev.newsdesk.NewsdeskApplication;
import dev.newsdesk.ingest.Article;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Load on the HTTP API, phase by phase: start-up to ready, classify with ~5 KB articles at a fixed rate, events
 * (batches and single), trending reads, and the server's resident memory, each against its target.
 */
public final class HttpBench {

    /**
     * What to run.
     *
     * @param url a running server, or null to start one
     * @param inProcess start the server inside this JVM instead of as a separate process
     * @param serveCommand how a separate server is started, e.g. {@code ./newsdesk serve}
     * @param serveArgs further {@code serve} arguments (e.g. the model)
     * @param key an API key with write access (a separate server is given one)
     * @param seconds length of each measured phase
     * @param classifyRate classify requests a second
     * @param articleBytes size of each classified article
     * @param articles articles registered for events and trending
     * @param clients concurrent clients in the closed-loop phases
     * @param eventBatch events per request in the batch phase
     */
    public record Options(
            URI url,
            boolean inProcess,
            List<String> serveCommand,
            List<String> serveArgs,
            String key,
            double seconds,
            double classifyRate,
            int articleBytes,
            int articles,
            int clients,
            int eventBatch) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\":(\\d+)");
    private static final String BROWSER =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

    private final PrintWriter out;

    public HttpBench(PrintWriter out) {
        this.out = out;
    }

    public void run(List<Article> corpus, Options o) throws IOException, InterruptedException {
        out.println(Machine.describe());
        String key = o.key() != null
                ? o.key()
                : "bench-" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                        + Long.toHexString(ThreadLocalRandom.current().nextLong());
        Path data = Files.createTempDirectory("newsdesk-bench-");
        List<String> args = new ArrayList<>(o.serveArgs());
        args.add("--newsdesk.security.admin-keys=" + key);
        args.add("--logging.level.root=warn");
        // all load comes from one address here: keep the per-client limit in the path, too high to bite
        args.add("--newsdesk.events.rate-per-second=100000000");
        args.add("--newsdesk.events.burst=100000000");
        ConfigurableApplicationContext inProcess = null;
        BenchServer server;
        if (o.url() != null) {
            server = BenchServer.at(o.url());
            out.println("server: " + o.url());
        } else if (o.inProcess()) {
            args.add("--server.port=0");
            args.add("--newsdesk.data.directory=" + data);
            long t0 = System.nanoTime();
            inProcess = NewsdeskApplication.start(args.toArray(String[]::new));
            double took = (System.nanoTime() - t0) / 1e9;
            int port = Integer.parseInt(inProcess.getEnvironment().getProperty("local.server.port", "0"));
            server = BenchServer.at(URI.create("http://127.0.0.1:" + port));
            out.printf(
                    Locale.ROOT, "server: in this JVM (memory figures include the driver); started in %.2f s%n", took);
        } else {
            // the first start may build the launcher's start-up cache; the second is what a restart costs
            BenchServer first = BenchServer.start(o.serveCommand(), args, data.resolve("first"));
            first.close();
            out.printf(Locale.ROOT, "first start to ready: %.2f s%n", first.startupSeconds);
            server = BenchServer.start(o.serveCommand(), args, data.resolve("server"));
            out.printf(
                    Locale.ROOT,
                    "server: separate process (pid %d): %s, NEWSDESK_JAVA_OPTS=%s%n",
                    server.process.pid(),
                    String.join(" ", o.serveCommand()),
                    System.getenv().getOrDefault("NEWSDESK_JAVA_OPTS", "(launcher default)"));
            verdict(
                    String.format(Locale.ROOT, "start-up to ready: %.2f s", server.startupSeconds),
                    server.startupSeconds < 5,
                    "< 5 s");
        }
        LoadDriver load = new LoadDriver(server.host, server.port);
        try {
            phases(load, corpus, o, key);
            long[] rss = inProcess != null ? BenchServer.rssMiB(Path.of("/proc/self/status")) : server.rssMiB();
            if (rss != null) {
                verdict(
                        String.format(Locale.ROOT, "server RSS after the run: %d MiB (peak %d MiB)", rss[0], rss[1]),
                        rss[1] < 512,
                        "peak < 512 MiB");
            }
        } finally {
            load.close();
            server.close();
            if (inProcess != null) {
                inProcess.close();
            }
        }
        out.flush();
    }

    private void phases(LoadDriver load, List<Article> corpus, Options o, String key)
            throws IOException, InterruptedException {
        String hp = load.hostPort();
        String auth = "Bearer " + key;
        List<byte[]> classify = new ArrayList<>();
        for (Article a : Texts.ofSize(corpus, o.articleBytes(), 200)) {
            byte[] body = JSON.writeValueAsBytes(
                    JSON.createObjectNode().put("title", a.title()).put("text", a.body()));
            classify.add(
                    RawHttp.request("POST", hp, "/api/v1/classify", "application/json", body, "Authorization", auth));
        }
        IntFn cls = i -> classify.get(i % classify.size());
        load.openLoop(o.classifyRate(), Math.max(5, o.seconds() / 2), cls::apply);
        LoadDriver.Stats c = load.openLoop(o.classifyRate(), o.seconds(), cls::apply);
        verdict(
                String.format(
                        Locale.ROOT,
                        "classify %d-byte articles at %.0f req/s for %.0f s: %d answered, %d errors, %s",
                        o.articleBytes(),
                        o.classifyRate(),
                        o.seconds(),
                        c.requests(),
                        c.errors(),
                        c.latencyLine()),
                c.errors() == 0 && c.percentileMillis(99) < 15,
                "p99 < 15 ms");

        register(load, corpus, o.articles(), auth);
        IntFn batch = i -> events(hp, o.articles(), o.eventBatch(), i);
        load.closedLoop(o.clients(), Math.max(3, o.seconds() / 4), batch::apply, HttpBench::accepted);
        LoadDriver.Stats e = load.closedLoop(o.clients(), o.seconds(), batch::apply, HttpBench::accepted);
        verdict(
                String.format(
                        Locale.ROOT,
                        "events in batches of %d, %d clients: %.0f events/s accepted (%.0f req/s, %d errors), %s",
                        o.eventBatch(),
                        o.clients(),
                        e.unitsPerSecond(),
                        e.perSecond(),
                        e.errors(),
                        e.latencyLine()),
                e.unitsPerSecond() >= 10_000,
                ">= 10,000 events/s");
        IntFn single = i -> events(hp, o.articles(), 1, i);
        LoadDriver.Stats s = load.closedLoop(o.clients(), o.seconds(), single::apply, HttpBench::accepted);
        out.printf(
                Locale.ROOT,
                "  events one per request, %d clients: %.0f events/s accepted (%d errors), %s%n",
                o.clients(),
                s.unitsPerSecond(),
                s.errors(),
                s.latencyLine());

        byte[] read = RawHttp.request("GET", hp, "/api/v1/trending?window=now&limit=10", null, null);
        load.closedLoop(o.clients(), Math.max(3, o.seconds() / 4), i -> read, r -> 1);
        LoadDriver.Stats t = load.closedLoop(o.clients(), o.seconds(), i -> read, r -> 1);
        verdict(
                String.format(
                        Locale.ROOT,
                        "trending reads (top 10), %d clients: %.0f req/s, %d errors, %s",
                        o.clients(),
                        t.perSecond(),
                        t.errors(),
                        t.latencyLine()),
                t.errors() == 0 && t.perSecond() >= 5000 && t.percentileMillis(99) < 5,
                ">= 5,000 req/s and p99 < 5 ms");
    }

    /** Request {@code i} of the events phases: {@code n} views of articles chosen with a skew, new visitors each. */
    private static byte[] events(String hp, int articles, int n, int i) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder sb = new StringBuilder(n * 64).append('[');
        for (int k = 0; k < n; k++) {
            int article = (int) Math.min(articles - 1, Math.floor(articles * Math.pow(r.nextDouble(), 3)));
            if (k > 0) {
                sb.append(',');
            }
            sb.append("{\"articleId\":\"bench-")
                    .append(article)
                    .append("\",\"type\":\"view\",\"visitorId\":\"v")
                    .append(Long.toHexString(r.nextLong()))
                    .append("\"}");
        }
        byte[] body = sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
        return RawHttp.request(
                "POST",
                hp,
                "/api/v1/events",
                "application/json",
                body,
                "User-Agent",
                BROWSER,
                "X-Forwarded-For",
                "198.51.100." + (i % 250));
    }

    private static long accepted(RawHttp.Response r) {
        Matcher m = ACCEPTED.matcher(r.text());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** Stores {@code n} short, freshly published articles for the events and trending phases. */
    private void register(LoadDriver load, List<Article> corpus, int n, String auth) throws IOException {
        String published = Instant.now().minusSeconds(3600).toString();
        for (int i = 0; i < n; i++) {
            Article a = corpus.get(i % corpus.size());
            ObjectNode json = JSON.createObjectNode()
                    .put("title", a.title())
                    .put("text", a.body().length() > 1500 ? a.body().substring(0, 1500) : a.body())
                    .put("published", published)
                    .put("siteCategory", a.siteCategory() == null ? "News" : a.siteCategory());
            RawHttp.Response r = load.send(RawHttp.request(
                    "PUT",
                    load.hostPort(),
                    "/api/v1/articles/bench-" + i,
                    "application/json",
                    JSON.writeValueAsBytes(json),
                    "Authorization",
                    auth));
            if (r.status() / 100 != 2) {
                throw new IOException("storing article bench-" + i + " failed: " + r.status() + " " + r.text());
            }
        }
    }

    private void verdict(String line, boolean met, String target) {
        out.printf("%s  [target %s: %s]%n", line, target, met ? "met" : "MISSED");
        out.flush();
    }

    @FunctionalInterface
    private interface IntFn {
        byte[] apply(int i);
    }
}
