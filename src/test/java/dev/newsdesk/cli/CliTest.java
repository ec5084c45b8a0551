package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.TestCorpora;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CliTest {

    @TempDir
    static Path dir;

    static Path model;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void trainTinyModel() {
        model = dir.resolve("tiny.ndm");
        Run r = run(
                "train",
                "--corpus",
                TestCorpora.tinyCorpusPath().toString(),
                "--out",
                model.toString(),
                "--folds",
                "3",
                "--lambda",
                "0.1",
                "--hash-bits",
                "16",
                "--min-df",
                "1");
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void trainWritesTheModelAndBothReports() throws Exception {
        assertThat(model).exists();
        Path json = dir.resolve("tiny.report.json");
        Path html = dir.resolve("tiny.report.html");
        assertThat(json).exists();
        assertThat(Files.readString(json)).contains("\"macroF1\"").contains("\"confusion\"");
        assertThat(Files.readString(html))
                .contains("<svg")
                .contains("Confusion matrix")
                .contains("Macro-F1");
    }

    @Test
    void classifyPrintsLabelAndEvidenceAsJson() throws Exception {
        Path article = dir.resolve("robbery.txt");
        Files.writeString(
                article,
                "Robbery suspects arrested\nPolice arrested three robbery suspects and charged them in court.\n");
        Run r = run("classify", "--model", model.toString(), "--json", article.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("\"label\":\"Crime\"")
                .contains("\"probabilities\"")
                .contains("\"evidence\"")
                .contains("\"needsReview\"");
    }

    @Test
    void classifyReadsStandardInput() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("We must act\nI believe we should demand better. Why must we wait?\n"
                    .getBytes(StandardCharsets.UTF_8)));
            Run r = run("classify", "--model", model.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("stdin\tOpinion\t");
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void aFailedTrainLeavesNoModelBehind() throws Exception {
        Path oneLabel = dir.resolve("one-label.jsonl");
        Files.writeString(oneLabel, "{\"title\":\"a\",\"text\":\"b c\",\"label\":\"News\"}\n".repeat(6));
        Path out = dir.resolve("never.ndm");
        Run r = run("train", "--corpus", oneLabel.toString(), "--out", out.toString(), "--folds", "0");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err().lines().filter(l -> l.startsWith("newsdesk: ")))
                .containsExactly("newsdesk: the corpus has one label ('News'); a classifier needs at least two");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith("never") || n.endsWith(".tmp"));
        }
    }

    static Stream<Arguments> badInputs() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "\n  \n");
        Path huge = dir.resolve("huge.txt");
        Files.writeString(huge, "Title\n" + "word ".repeat(2_100_000));
        Path binary = dir.resolve("binary.txt");
        Files.write(binary, new byte[] {'P', 'K', 3, 4, 0, 0, 20, 0, 8, 0});
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, "Caf\u00e9 news\nS\u00e3o Paulo report".getBytes(StandardCharsets.ISO_8859_1));
        Path noModel = Files.writeString(dir.resolve("fake.ndm"), "not a model at all");
        Path fewCrime = dir.resolve("few.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            sb.append("{\"title\":\"t").append(i).append("\",\"text\":\"news text\",\"label\":\"News\"}\n");
        }
        sb.append("{\"title\":\"x\",\"text\":\"crime text\",\"label\":\"Crime\"}\n");
        Files.writeString(fewCrime, sb.toString());
        Path badJson = Files.writeString(
                dir.resolve("bad.jsonl"), "{\"title\":\"ok\",\"text\":\"x\",\"label\":\"News\"}\n{\"title\": oops}\n");
        return Stream.of(
                Arguments.of(
                        "empty text", new String[] {"classify", "--model", "MODEL", empty.toString()}, "text is empty"),
                Arguments.of(
                        "10 MB text",
                        new String[] {"classify", "--model", "MODEL", huge.toString()},
                        "over the limit of 1000000"),
                Arguments.of(
                        "binary bytes",
                        new String[] {"classify", "--model", "MODEL", binary.toString()},
                        "looks binary"),
                Arguments.of(
                        "invalid UTF-8",
                        new String[] {"classify", "--model", "MODEL", latin1.toString()},
                        "not valid UTF-8"),
                Arguments.of(
                        "missing file",
                        new String[] {
                            "classify",
                            "--model",
                            "MODEL",
                            dir.resolve("absent.txt").toString()
                        },
                        "no such file"),
                Arguments.of(
                        "model from nowhere",
                        new String[] {"classify", "--model", noModel.toString(), empty.toString()},
                        "is not a Newsdesk model file"),
                Arguments.of(
                        "missing model",
                        new String[] {
                            "classify", "--model", dir.resolve("gone.ndm").toString(), empty.toString()
                        },
                        "no such model file"),
                Arguments.of(
                        "label with too few examples",
                        new String[] {
                            "train",
                            "--corpus",
                            fewCrime.toString(),
                            "--out",
                            dir.resolve("x.ndm").toString(),
                            "--folds",
                            "0"
                        },
                        "label 'Crime' has 1 example; each label needs at least 5"),
                Arguments.of(
                        "missing corpus",
                        new String[] {
                            "train", "--corpus", dir.resolve("nowhere").toString(), "--folds", "0"
                        },
                        "no such file or directory"),
                Arguments.of(
                        "malformed corpus line",
                        new String[] {"train", "--corpus", badJson.toString(), "--folds", "0"},
                        "bad.jsonl:2:"),
                Arguments.of("unknown option", new String[] {"classify", "--colour"}, "Unknown option: '--colour'"),
                Arguments.of(
                        "bad folds",
                        new String[] {"train", "--corpus", badJson.toString(), "--folds", "1"},
                        "folds must be 0 (none) or 2..20"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputGetsExitTwoAndOneLineSayingWhatToFix(String name, String[] args, String message) {
        String[] resolved = Stream.of(args)
                .map(a -> a.equals("MODEL") ? model.toString() : a)
                .toArray(String[]::new);
        Run r = run(resolved);
        assertThat(r.code()).as(r.err()).isEqualTo(Main.USAGE);
        // progress notes may come first on stderr; the error itself is exactly one line
        assertThat(r.err().lines().filter(l -> l.startsWith("newsdesk: ")).toList())
                .singleElement()
                .asString()
                .contains(message);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
