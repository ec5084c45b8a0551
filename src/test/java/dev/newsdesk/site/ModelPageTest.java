package dev.newsdesk.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.classify.FeaturizerSettings;
import dev.newsdesk.classify.Metrics;
import dev.newsdesk.classify.ModelCard;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class ModelPageTest {

    private static ModelCard card(Metrics metrics) {
        return new ModelCard(
                1,
                "v2026.03.01-abc",
                Instant.parse("2026-03-01T00:00:00Z"),
                List.of("Crime", "News", "Opinion"),
                "smile.LogisticRegression(lambda=0.1)",
                Map.of("folds", "5"),
                FeaturizerSettings.DEFAULT,
                42L,
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                30,
                Map.of("Crime", 10, "News", 10, "Opinion", 10),
                metrics,
                Map.of("logreg", 0.91, "maxent", 0.88),
                1.3,
                Map.of("java", "25"),
                "fedcba");
    }

    private static Metrics metrics() {
        return new Metrics(
                "5-fold cross-validation grouped by outlet",
                30,
                0.9,
                0.899,
                0.05,
                List.of("Crime", "News", "Opinion"),
                Map.of(
                        "Crime", new Metrics.LabelMetrics(1.0, 0.9, 0.947, 10),
                        "News", new Metrics.LabelMetrics(0.82, 0.9, 0.857, 10),
                        "Opinion", new Metrics.LabelMetrics(0.9, 0.9, 0.9, 10)),
                new int[][] {{9, 1, 0}, {0, 9, 1}, {0, 1, 9}});
    }

    @Test
    void showsTheCardTheConfusionHeatMapAndPerLabelFigures() {
        Document doc = Jsoup.parse(new ModelPage(new Layout()).render(card(metrics()), "bundled"));

        assertThat(doc.selectFirst("h1").text()).isEqualTo("Model v2026.03.01-abc");
        assertThat(doc.select("dl.card dt").eachText()).contains("Version", "Labels", "Learner", "Training data");
        assertThat(doc.select("dl.card dd").eachText())
                .contains(
                        "Crime, News, Opinion",
                        "42",
                        "30 documents (Crime 10, News 10, Opinion 10)",
                        "folds 5",
                        "words as Porter stems; title words apart; quoted words apart; genre cues (weight 0.25); "
                                + "terms in at least 2 documents; sublinear TF-IDF; 2^18 hashed dimensions");
        assertThat(doc.selectFirst(".heatmap svg[aria-label=Confusion matrix]")).isNotNull();
        assertThat(doc.select(".heatmap svg rect")).hasSize(9);
        assertThat(doc.select("table.metrics").first().select("tbody tr"))
                .extracting(tr -> tr.child(0).text() + " " + tr.child(3).text())
                .containsExactly("Crime 0.947", "News 0.857", "Opinion 0.900");
        assertThat(doc.select(".figure strong").eachText()).contains("0.899", "0.900", "0.050", "30");
        assertThat(doc.text()).contains("measure on your own labelled articles with newsdesk evaluate");
        assertThat(doc.select("table.metrics").get(1).select("tbody th").eachText())
                .containsExactly("logreg", "maxent");
    }

    @Test
    void saysSoWhenTheModelHasNoHeldOutFigures() {
        Document doc = Jsoup.parse(new ModelPage(new Layout()).render(card(null), "/models/m.ndm"));

        assertThat(doc.select("svg, table")).isEmpty();
        assertThat(doc.text()).contains("without held-out evaluation").contains("/models/m.ndm");
    }
}
