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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
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
     * @param phases which phases to run: {@code classify}, {@code events}, {@code trending}
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
            int eventBatch,
            Set<String> phases) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\":(\\d+)");
    private static final String BROWSER =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

    private final PrintWriter out;
    private DoubleSupplier serverCpu = () -> Double.NaN;

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
        // the bench's settings first; the caller's --serve-arg replace any of the same name
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("--newsdesk.security.admin-keys", key);
        settings.put("--logging.level.root", "warn");
        // all load comes from one address here: keep the per-client limit and the per-network quota in the path, too
        // high to bite
        settings.put("--newsdesk.events.rate-per-second", "100000000");
        settings.put("--newsdesk.events.burst", "100000000");
        settings.put("--newsdesk.events.per-network-article", "1000000000");
        for (String a : o.serveArgs()) {
            int eq = a.indexOf('=');
            settings.put(eq < 0 ? a : a.substring(0, eq), eq < 0 ? null : a.substring(eq + 1));
        }
        List<String> args = new ArrayList<>();
        settings.forEach((name, value) -> args.add(value == null ? name : name + "=" + value));
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
        ProcessHandle measured =
                inProcess != null ? ProcessHandle.current() : server.process == null ? null : server.process.toHandle();
        if (measured != null) {
            serverCpu = () -> measured.info()
                    .totalCpuDuration()
                    .map(d -> d.toNanos() / 1e3)
                    .orElse(Double.NaN);
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
        if (o.phases().contains("classify")) {
            classifyPhase(load, o, cls);
        }
        if (!o.phases().contains("events") && !o.phases().contains("trending")) {
            return;
        }
        register(load, corpus, o.articles(), auth);
        IntFn batch = i -> events(hp, o.articles(), o.eventBatch(), i);
        load.closedLoop(o.clients(), o.seconds() / 4, batch::apply, HttpBench::accepted);
        if (o.phases().contains("events")) {
            eventsPhase(load, o, batch, i -> events(hp, o.articles(), 1, i));
        }
        if (o.phases().contains("trending")) {
            trendingPhase(load, o, RawHttp.request("GET", hp, "/api/v1/trending?window=now&limit=10", null, null));
        }
    }

    private void classifyPhase(LoadDriver load, Options o, IntFn cls) throws InterruptedException {
        load.openLoop(o.classifyRate(), o.seconds() / 2, cls::apply);
        double cpu = serverCpu.getAsDouble();
        LoadDriver.Stats c = load.openLoop(o.classifyRate(), o.seconds(), cls::apply);
        String cCpu = cpuPer(cpu, c.requests(), "request");
        verdict(
                String.format(
                        Locale.ROOT,
                        "classify %d-byte articles at %.0f req/s for %.0f s: %d answered, %d errors, %s%s",
                        o.articleBytes(),
                        o.classifyRate(),
                        o.seconds(),
                        c.requests(),
                        c.errors(),
                        c.latencyLine(),
                        cCpu),
                c.errors() == 0 && c.percentileMillis(99) < 15,
                "p99 < 15 ms");
    }

    private void eventsPhase(LoadDriver load, Options o, IntFn batch, IntFn single) throws InterruptedException {
        double cpu = serverCpu.getAsDouble();
        LoadDriver.Stats e = load.closedLoop(o.clients(), o.seconds(), batch::apply, HttpBench::accepted);
        String eCpu = cpuPer(cpu, e.units(), "event");
        verdict(
                String.format(
                        Locale.ROOT,
                        "events in batches of %d, %d clients: %.0f events/s accepted (%.0f req/s, %d errors), %s%s",
                        o.eventBatch(),
                        o.clients(),
                        e.unitsPerSecond(),
                        e.perSecond(),
                        e.errors(),
                        e.latencyLine(),
                        eCpu),
                e.unitsPerSecond() >= 10_000,
                ">= 10,000 events/s");
        cpu = serverCpu.getAsDouble();
        LoadDriver.Stats s = load.closedLoop(o.clients(), o.seconds(), single::apply, HttpBench::accepted);
        String sCpu = cpuPer(cpu, s.requests(), "request");
        out.printf(
                Locale.ROOT,
                "  events one per request, %d clients: %.0f events/s accepted (%d errors), %s%s%n",
                o.clients(),
                s.unitsPerSecond(),
                s.errors(),
                s.latencyLine(),
                sCpu);
    }

    private void trendingPhase(LoadDriver load, Options o, byte[] read) throws InterruptedException {
        load.closedLoop(o.clients(), o.seconds() / 4, i -> read, r -> 1);
        double cpu = serverCpu.getAsDouble();
        LoadDriver.Stats t = load.closedLoop(o.clients(), o.seconds(), i -> read, r -> 1);
        String tCpu = cpuPer(cpu, t.requests(), "request");
        verdict(
                String.format(
                        Locale.ROOT,
                        "trending reads (top 10), %d clients: %.0f req/s, %d errors, %s%s",
                        o.clients(),
                        t.perSecond(),
                        t.errors(),
                        t.latencyLine(),
                        tCpu),
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

    /** The server's CPU time per unit of work since {@code before}: what the figures cost, whatever else runs. */
    private String cpuPer(double before, long units, String unit) {
        double used = serverCpu.getAsDouble() - before;
        return Double.isNaN(used) || units == 0
                ? ""
                : String.format(Locale.ROOT, "; server CPU %.0f us/%s", used / units, unit);
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
