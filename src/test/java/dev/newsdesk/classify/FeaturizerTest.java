package dev.newsdesk.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeaturizerTest {

    private static final Featurizer QUOTES = new Featurizer(FeaturizerSettings.DEFAULT);
    private static final Featurizer PLAIN = new Featurizer(FeaturizerSettings.DEFAULT.withQuotes(false));

    private static Map<Integer, String> names(Featurizer f, String body) {
        Featurizer.TermCounts counts = f.countNamed("", body);
        Map<Integer, String> names = new HashMap<>();
        for (int feature : counts.index()) {
            names.put(feature, counts.names().of(feature));
        }
        for (int feature : counts.cueIndex()) {
            names.put(feature, counts.names().of(feature));
        }
        return names;
    }

    @Test
    void wordsInsideQuotationMarksAreASourcesNotTheWriters() {
        Map<Integer, String> names =
                names(QUOTES, "The senator said: \u201CI will fight this bill.\u201D Then she left.");
        assertThat(names.values()).contains("quoted:i", "quoted:fight", "senator", "she", "left");
        assertThat(names.values()).doesNotContain("i", "fight", "quoted:senator", "quoted:she");
    }

    @Test
    void straightQuotesToggleAndAParagraphBreakClosesAnOpenQuotation() {
        Map<Integer, String> names =
                names(QUOTES, "\"We must go,\" he said. \"They agree\n\nNobody answered the mayor.");
        assertThat(names.values()).contains("quoted:we", "quoted:must", "he", "quoted:they", "nobody", "mayor");
        assertThat(names.values()).doesNotContain("quoted:nobody", "quoted:he", "we");
    }

    @Test
    void firstPersonInsideQuotationsDoesNotCountAsTheWritersVoice() {
        String quoted = ("The minister spoke for an hour at the launch in Abuja on Monday, according to officials. "
                        + "\u201CI think we should finish the road and I am sure we can,\u201D she told reporters. ")
                .repeat(3);
        String voiced = quoted.replace("\u201C", "").replace("\u201D", "");
        assertThat(cue(QUOTES, quoted, "first_person_singular")).isEqualTo("0");
        assertThat(cue(QUOTES, voiced, "first_person_singular")).isNotEqualTo("0");
        assertThat(cue(PLAIN, quoted, "first_person_singular")).isNotEqualTo("0");
    }

    @Test
    void withoutTheSettingQuotedWordsShareTheWritersFeatures() {
        Featurizer.TermCounts a = PLAIN.count("", "\u201CWe will win,\u201D he said.");
        Featurizer.TermCounts b = PLAIN.count("", "We will win, he said.");
        assertThat(sorted(a.index())).isEqualTo(sorted(b.index()));
        assertThat(sorted(QUOTES.count("", "\u201CWe will win,\u201D he said.").index()))
                .isNotEqualTo(sorted(b.index()));
    }

    @Test
    void aModelSavedBeforeTheQuotesSettingLoadsWithItOff() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/model/before-quotes.ndm")) {
            LoadedModel old = ModelFile.read(in, "before-quotes.ndm");
            assertThat(old.model().featurizer().quotes()).isFalse();
            assertThat(old.card().featurizer().quotes()).isFalse();
            Prediction p = new Classifier(old, ClassifierOptions.DEFAULT)
                    .classify(
                            "Police arrest two robbery suspects",
                            "Police in Ikeja arrested two suspects after a robbery on Sunday, a spokesman said.",
                            false);
            assertThat(p.label()).isEqualTo("Crime");
        }
    }

    private static String cue(Featurizer f, String body, String cue) {
        return names(f, body).values().stream()
                .filter(n -> n.startsWith("cue:" + cue + "="))
                .map(n -> n.substring(n.indexOf('=') + 1))
                .findFirst()
                .orElseThrow();
    }

    private static int[] sorted(int[] a) {
        int[] c = a.clone();
        Arrays.sort(c);
        return c;
    }
}
