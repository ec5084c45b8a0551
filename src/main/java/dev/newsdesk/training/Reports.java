package dev.newsdesk.training;

import dev.newsdesk.classify.Metrics;
import dev.newsdesk.classify.ModelCard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Evaluation reports: JSON for machines, and an HTML page with the confusion-matrix heat map for people. */
public final class Reports {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Reports() {}

    /** Writes {@code <prefix>.json} and {@code <prefix>.html}; returns the two paths. */
    public static List<Path> write(Path prefix, ModelCard card, Metrics metrics) {
        Path json = prefix.resolveSibling(prefix.getFileName() + ".json");
        Path html = prefix.resolveSibling(prefix.getFileName() + ".html");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model", card);
        doc.put("metrics", metrics);
        writeAtomically(json, JSON.writeValueAsString(doc));
        writeAtomically(html, html(card, metrics));
        return List.of(json, html);
    }

    /** The HTML report page (also served by the web app's model page). */
    public static String html(ModelCard card, Metrics m) {
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Newsdesk model ")
                .append(esc(card.version()))
                .append("</title><style>body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;"
                        + "padding:0 1rem;color:#1d232b}table{border-collapse:collapse;margin:1rem 0}"
                        + "td,th{border:1px solid #ccd3db;padding:.3rem .6rem;text-align:right}"
                        + "th{background:#f0f3f6}td:first-child,th:first-child{text-align:left}"
                        + "h1{font-size:1.5rem}code{background:#f0f3f6;padding:0 .2rem}</style></head><body>");
        sb.append("<h1>Newsdesk model <code>").append(esc(card.version())).append("</code></h1>");
        sb.append("<p>")
                .append(esc(card.algorithm()))
                .append(", trained on ")
                .append(card.corpusDocuments())
                .append(" documents ")
                .append(esc(card.labelCounts().toString()))
                .append(" at ")
                .append(esc(String.valueOf(card.createdAt())))
                .append(". Corpus SHA-256 <code>")
                .append(esc(card.corpusSha256().substring(0, 16)))
                .append("…</code>, temperature ")
                .append(card.temperature())
                .append(".</p>");
        if (m == null) {
            sb.append("<p>No held-out evaluation: trained without cross-validation.</p></body></html>");
            return sb.toString();
        }
        sb.append("<h2>").append(esc(m.evaluatedOn())).append("</h2>");
        sb.append(String.format(
                Locale.ROOT,
                "<p><strong>Macro-F1 %.3f</strong> · accuracy %.3f · calibration error"
                        + " (ECE) %.3f · %d documents</p>",
                m.macroF1(),
                m.accuracy(),
                m.calibrationError(),
                m.documents()));
        sb.append(heatMap(m));
        sb.append("<table><tr><th>Label</th><th>Precision</th><th>Recall</th><th>F1</th><th>Support</th></tr>");
        m.perLabel().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(String.format(
                        Locale.ROOT,
                        "<tr><td>%s</td><td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%d</td></tr>",
                        esc(e.getKey()),
                        e.getValue().precision(),
                        e.getValue().recall(),
                        e.getValue().f1(),
                        e.getValue().support())));
        sb.append("</table>");
        if (!card.candidates().isEmpty()) {
            sb.append("<h2>Learners tried</h2><table><tr><th>Learner</th><th>CV macro-F1</th></tr>");
            card.candidates().entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> sb.append(String.format(
                            Locale.ROOT, "<tr><td>%s</td><td>%.4f</td></tr>", esc(e.getKey()), e.getValue())));
            sb.append("</table>");
        }
        return sb.append("</body></html>").toString();
    }

    /** The confusion matrix as an SVG heat map: rows true labels, columns predictions, shade by row share. */
    public static String heatMap(Metrics m) {
        List<String> labels = m.labels();
        int k = labels.size();
        int cell = 84;
        int left = 110;
        int top = 60;
        int w = left + k * cell + 10;
        int h = top + k * cell + 30;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Confusion matrix\" width=\"")
                .append(w)
                .append("\" height=\"")
                .append(h)
                .append("\" font-family=\"system-ui,sans-serif\" font-size=\"13\">");
        sb.append("<text x=\"")
                .append(left + k * cell / 2)
                .append("\" y=\"18\" text-anchor=\"middle\" font-weight=\"600\">predicted</text>");
        for (int c = 0; c < k; c++) {
            sb.append("<text x=\"")
                    .append(left + c * cell + cell / 2)
                    .append("\" y=\"")
                    .append(top - 10)
                    .append("\" text-anchor=\"middle\">")
                    .append(esc(labels.get(c)))
                    .append("</text>");
            sb.append("<text x=\"")
                    .append(left - 8)
                    .append("\" y=\"")
                    .append(top + c * cell + cell / 2 + 4)
                    .append("\" text-anchor=\"end\">")
                    .append(esc(labels.get(c)))
                    .append("</text>");
        }
        for (int r = 0; r < k; r++) {
            int rowSum = 0;
            for (int c = 0; c < k; c++) {
                rowSum += m.confusion()[r][c];
            }
            for (int c = 0; c < k; c++) {
                int v = m.confusion()[r][c];
                double share = rowSum == 0 ? 0 : (double) v / rowSum;
                int shade = (int) Math.round(245 - share * 190);
                String fill = r == c
                        ? String.format(Locale.ROOT, "rgb(%d,%d,255)", shade, shade)
                        : String.format(Locale.ROOT, "rgb(255,%d,%d)", shade, shade);
                sb.append("<rect x=\"")
                        .append(left + c * cell)
                        .append("\" y=\"")
                        .append(top + r * cell)
                        .append("\" width=\"")
                        .append(cell - 2)
                        .append("\" height=\"")
                        .append(cell - 2)
                        .append("\" fill=\"")
                        .append(fill)
                        .append("\"/>");
                sb.append("<text x=\"")
                        .append(left + c * cell + cell / 2)
                        .append("\" y=\"")
                        .append(top + r * cell + cell / 2)
                        .append("\" text-anchor=\"middle\" fill=\"")
                        .append(share > 0.55 ? "#fff" : "#1d232b")
                        .append("\">")
                        .append(v)
                        .append("</text>");
                sb.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\" fill=\"%s\">%.0f%%</text>",
                        left + c * cell + cell / 2,
                        top + r * cell + cell / 2 + 16,
                        share > 0.55 ? "#fff" : "#56606b",
                        share * 100));
            }
        }
        sb.append("<text x=\"12\" y=\"")
                .append(top + k * cell / 2)
                .append("\" transform=\"rotate(-90 12 ")
                .append(top + k * cell / 2)
                .append(")\" text-anchor=\"middle\" font-weight=\"600\">true</text>");
        return sb.append("</svg>").toString();
    }

    static String esc(String s) {
        return s == null
                ? ""
                : s.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }

    private static void writeAtomically(Path path, String content) {
        try {
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".newsdesk-report-", ".tmp");
            try {
                Files.writeString(tmp, content, StandardCharsets.UTF_8);
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                // temporary files are created owner-only; a model or report is meant to be read by the server's user
                // too
                readableByAll(path);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report " + path + ": " + e.getMessage(), e);
        }
    }

    private static void readableByAll(Path path) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
