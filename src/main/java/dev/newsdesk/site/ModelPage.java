package dev.newsdesk.site;

import dev.newsdesk.classify.Metrics;
import dev.newsdesk.classify.ModelCard;
import dev.newsdesk.training.Reports;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The model report page: the served model's card, its held-out figures, confusion heat map and per-label table. */
final class ModelPage {

    private final Layout layout;
    private final Template page = Template.load("model.html");

    ModelPage(Layout layout) {
        this.layout = layout;
    }

    /** The page for {@code card}; {@code source} says where the model was loaded from. */
    String render(ModelCard card, String source) {
        StringBuilder dl = new StringBuilder();
        row(dl, "Version", card.version());
        row(dl, "Trained", String.valueOf(card.createdAt()));
        row(dl, "Labels", String.join(", ", card.labels()));
        row(dl, "Learner", card.algorithm());
        row(dl, "Training data", card.corpusDocuments() + " documents (" + pairs(card.labelCounts()) + ")");
        row(dl, "Corpus SHA-256", card.corpusSha256());
        row(dl, "Seed", String.valueOf(card.seed()));
        row(dl, "Temperature", String.format(Locale.ROOT, "%.3f", card.temperature()));
        row(
                dl,
                "Features",
                card.featurizer() == null ? "not recorded" : card.featurizer().describe());
        row(dl, "Options", pairs(card.options()));
        row(dl, "Libraries", pairs(card.libraries()));
        row(dl, "File format", String.valueOf(card.formatVersion()));
        String main = page.render(Map.of(
                "version", card.version(),
                "source", source,
                "card", dl.toString(),
                "metrics", metrics(card)));
        return layout.page(
                "Model " + card.version() + " · Newsdesk", "Newsdesk", "model report", Layout.Section.MODEL, main, "");
    }

    /** {@code key value, key value}, sorted by key; keys without a value are left out. */
    private static String pairs(Map<String, ?> map) {
        var out = new java.util.StringJoiner(", ");
        new TreeMap<>(map).forEach((k, v) -> {
            if (v != null && !String.valueOf(v).isBlank()) {
                out.add(k + " " + v);
            }
        });
        return out.toString();
    }

    private static void row(StringBuilder sb, String name, String value) {
        sb.append("    <dt>")
                .append(Html.esc(name))
                .append("</dt><dd>")
                .append(Html.esc(value))
                .append("</dd>\n");
    }

    private static String metrics(ModelCard card) {
        Metrics m = card.metrics();
        if (m == null) {
            return "<p>This model was trained without held-out evaluation, so there are no quality figures.</p>";
        }
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<p>").append(Html.esc(m.evaluatedOn()));
        if (m.evaluatedOn().contains("cross-validation")) {
            sb.append(". Cross-validation tests each article against a model trained on the rest of the same corpus:"
                    + " it says how well the model knows that corpus, not how it does on articles written elsewhere;"
                    + " measure on your own labelled articles with <code>newsdesk evaluate</code>.");
        }
        sb.append("</p>\n<div class=\"figures\">");
        figure(sb, "Macro-F1", m.macroF1());
        figure(sb, "Accuracy", m.accuracy());
        figure(sb, "Calibration error (ECE)", m.calibrationError());
        sb.append("<div class=\"figure\"><strong>").append(m.documents()).append("</strong>documents</div></div>\n");
        sb.append("<h3>Confusion matrix</h3>\n<p class=\"hint\">Rows are the true labels, columns the model's;"
                        + " shade is the share of the row.</p>\n<div class=\"heatmap\">")
                .append(Reports.heatMap(m))
                .append("</div>\n");
        sb.append("<h3>Per label</h3>\n<table class=\"metrics\"><thead><tr><th scope=\"col\">Label</th>"
                + "<th scope=\"col\">Precision</th><th scope=\"col\">Recall</th><th scope=\"col\">F1</th>"
                + "<th scope=\"col\">Support</th></tr></thead><tbody>\n");
        new TreeMap<>(m.perLabel())
                .forEach((label, l) -> sb.append(String.format(
                        Locale.ROOT,
                        "<tr><th scope=\"row\">%s</th><td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%d</td></tr>%n",
                        Html.esc(label),
                        l.precision(),
                        l.recall(),
                        l.f1(),
                        l.support())));
        sb.append("</tbody></table>\n");
        if (!card.candidates().isEmpty()) {
            sb.append("<h3>Learners tried</h3>\n<table class=\"metrics\"><thead><tr><th scope=\"col\">Learner</th>"
                    + "<th scope=\"col\">Cross-validated macro-F1</th></tr></thead><tbody>\n");
            card.candidates().entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> sb.append(String.format(
                            Locale.ROOT,
                            "<tr><th scope=\"row\">%s</th><td>%.4f</td></tr>%n",
                            Html.esc(e.getKey()),
                            e.getValue())));
            sb.append("</tbody></table>\n");
        }
        return sb.toString();
    }

    private static void figure(StringBuilder sb, String name, double value) {
        sb.append(String.format(Locale.ROOT, "<div class=\"figure\"><strong>%.3f</strong>", value))
                .append(Html.esc(name))
                .append("</div>");
    }
}
