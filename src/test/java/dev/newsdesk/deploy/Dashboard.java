package dev.newsdesk.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The provisioned Grafana dashboard ({@code docker/grafana/dashboards/newsdesk.json}) and the metrics it queries. */
final class Dashboard {

    static final Path FILE = Path.of("docker", "grafana", "dashboards", "newsdesk.json");

    /** Series Prometheus makes itself for every target; the app cannot expose them. */
    static final Set<String> PROMETHEUS_OWN = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern LABELS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.$])([a-zA-Z_:][\\w:]*)\\s*(\\()?");
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.*),\\s*\\w+\\s*\\)\\s*$");
    private static final Set<String> KEYWORDS = Set.of(
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "bool",
            "and",
            "or",
            "unless",
            "atan2",
            "offset",
            "inf",
            "nan");

    /** One PromQL expression and where it is: a panel's title, or a template variable's name. */
    record Query(String where, String expr) {
        Set<String> metrics() {
            return metricNames(expr);
        }
    }

    private final JsonNode root;

    private Dashboard(JsonNode root) {
        this.root = root;
    }

    /** Parses the dashboard file; fails if it is not JSON. */
    static Dashboard load() {
        return new Dashboard(JsonMapper.builder().build().readTree(FILE.toFile()));
    }

    JsonNode root() {
        return root;
    }

    /** Every panel other than rows, nested ones included. */
    List<JsonNode> panels() {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : root.path("panels")) {
            if (!"row".equals(p.path("type").asString())) {
                out.add(p);
            }
            p.path("panels").forEach(out::add);
        }
        return out;
    }

    /** Every query of every panel and template variable. */
    List<Query> queries() {
        List<Query> out = new ArrayList<>();
        for (JsonNode p : panels()) {
            for (JsonNode t : p.path("targets")) {
                out.add(new Query(
                        "panel '" + p.path("title").asString() + "' "
                                + t.path("refId").asString(),
                        t.path("expr").asString()));
            }
        }
        for (JsonNode v : root.path("templating").path("list")) {
            if ("query".equals(v.path("type").asString())) {
                JsonNode q = v.path("query");
                out.add(new Query(
                        "variable $" + v.path("name").asString(),
                        q.isObject() ? q.path("query").asString() : q.asString()));
            }
        }
        return out;
    }

    /**
     * The metric names a PromQL expression reads (or a Grafana {@code label_values(metric, label)} query): what is
     * left once strings, label matchers, ranges and label lists are taken out, and function calls and keywords
     * skipped.
     */
    static Set<String> metricNames(String promql) {
        Matcher labelValues = LABEL_VALUES.matcher(promql);
        String s = labelValues.matches() ? labelValues.group(1) : promql;
        s = STRING.matcher(s).replaceAll("\"\"");
        s = LABELS.matcher(s).replaceAll(" ");
        s = RANGE.matcher(s).replaceAll(" ");
        s = GROUPING.matcher(s).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            boolean call = m.group(2) != null;
            if (!call && !KEYWORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
