package dev.newsdesk.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard file on its own: valid JSON, every panel asks the provisioned Prometheus something, and it covers
 * what an operator of several nodes watches. {@link TwoNodeTest} checks its metric names against a running node.
 */
class GrafanaDashboardTest {

    @Test
    void everyPanelQueriesTheProvisionedPrometheusDataSource() throws IOException {
        Dashboard dashboard = Dashboard.load();
        String provisioned = Files.readString(Path.of("docker/grafana/provisioning/datasources/prometheus.yml"));
        String uid =
                dashboard.panels().getFirst().path("datasource").path("uid").asString();

        assertThat(provisioned).contains("uid: " + uid).contains("url: http://prometheus:9090");
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.panels()) {
            String title = panel.path("title").asString();
            assertThat(ids.add(panel.path("id").asInt()))
                    .as("unique id of " + title)
                    .isTrue();
            assertThat(panel.path("datasource").path("uid").asString())
                    .as(title)
                    .isEqualTo(uid);
            assertThat(panel.path("targets")).as(title).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asString()).as(title).isNotBlank();
                assertThat(target.path("datasource").path("uid").asString())
                        .as(title)
                        .isEqualTo(uid);
            }
        }
    }

    @Test
    void coversClassifyLatencyLabelsEventsTrendingReadsAndModelVersion() {
        Set<String> queried = new HashSet<>();
        Dashboard.load().queries().forEach(q -> queried.addAll(q.metrics()));

        assertThat(queried)
                .contains(
                        "newsdesk_classify_latency_seconds_bucket",
                        "newsdesk_classify_predictions_total",
                        "newsdesk_events_total",
                        "newsdesk_trending_latency_seconds_count",
                        "newsdesk_trending_latency_seconds_bucket",
                        "newsdesk_model_info");
    }

    @ParameterizedTest
    @MethodSource("queries")
    void metricNamesAreReadFromPromQl(String promql, List<String> metrics) {
        assertThat(Dashboard.metricNames(promql)).containsExactlyInAnyOrderElementsOf(metrics);
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                Arguments.of(
                        "histogram_quantile(0.99, sum by (le, label) (rate(a_seconds_bucket{instance=~\"$instance\"}"
                                + "[$__rate_interval])))",
                        List.of("a_seconds_bucket")),
                Arguments.of(
                        "sum(rate(b_total{review=\"true\"}[5m])) / sum without (review) (rate(b_total[5m]))",
                        List.of("b_total")),
                Arguments.of("up{job=\"newsdesk\"} == 1 and on (instance) c offset 5m", List.of("up", "c")),
                Arguments.of("rate(d{path=~\"/a{1,2}[x]\"}[1m]) * 1e3 > bool 0", List.of("d")),
                Arguments.of("label_values(up{job=\"newsdesk\"}, instance)", List.of("up")),
                Arguments.of("max by (instance, version) (newsdesk_model_info)", List.of("newsdesk_model_info")),
                Arguments.of("vector(1)", List.of()));
    }
}
