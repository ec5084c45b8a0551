package dev.newsdesk.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import opennlp.tools.tokenize.SimpleTokenizer;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void agreesWithOpenNlpSimpleTokenizerOnOrdinaryText() {
        String[] texts = {
            "The governor of Kwara State, Mr. Adeyemi, said on Tuesday that 1,200 teachers would be paid by March 3.",
            "\"We cannot continue like this,\" she told reporters in Abuja -- adding: \"Why now?\"",
            "Police recovered N4.5m, two AK-47 rifles and 300 rounds... The suspects (aged 23-31) confessed!",
            "Don't the résumés of Ẹ̀kọ́ officials matter? It's 9:45pm; e-mail info@example.org now.",
            "Línea 2\tand\r\nnew paragraph\u00a0with non-breaking space and an em dash\u2014here.",
        };
        for (String text : texts) {
            assertThat(Tokenizer.tokens(text))
                    .as(text)
                    .containsExactlyElementsOf(Arrays.asList(SimpleTokenizer.INSTANCE.tokenize(text)));
        }
    }

    @Property(tries = 300)
    void agreesWithOpenNlpOnRandomAsciiText(
            @ForAll
                    @StringLength(max = 200)
                    @Chars({'a', 'B', 'z', '0', '9', ' ', '\n', '.', ',', '"', '\'', '-', '?', '!', '(', '$', '\t'})
                    String text) {
        assertThat(Tokenizer.tokens(text))
                .containsExactlyElementsOf(Arrays.asList(SimpleTokenizer.INSTANCE.tokenize(text)));
    }

    @Property(tries = 300)
    void theHashingScanGivesTheSameTokensWithTheHashOfEachLowerCased(
            @ForAll
                    @StringLength(max = 200)
                    @Chars({'a', 'B', 'z', '0', '9', ' ', '\n', '.', ',', '"', '\u201C', '\u2019', 'É', '-', '?'})
                    String text) {
        java.util.List<String> spans = new java.util.ArrayList<>();
        java.util.List<Long> hashes = new java.util.ArrayList<>();
        char[] chars = (text + "padding").toCharArray();
        Tokenizer.tokenize(chars, text.length(), (start, end, kind, hash) -> {
            spans.add(text.substring(start, end));
            hashes.add(hash);
        });
        assertThat(spans).containsExactlyElementsOf(Tokenizer.tokens(text));
        for (int i = 0; i < spans.size(); i++) {
            assertThat(hashes.get(i)).isEqualTo(Featurizer.hash(spans.get(i).toLowerCase(java.util.Locale.ROOT)));
        }
    }
}
