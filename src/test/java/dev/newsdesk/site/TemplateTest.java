package dev.newsdesk.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

    private final Template model = Template.load("model.html");

    @Test
    void escapesDoubleBracedValuesAndInsertsTripleBracedOnesAsTheyAre() {
        String html =
                model.render(Map.of("version", "<v1>", "source", "a&b", "card", "<dt>x</dt>", "metrics", "<p>m</p>"));

        assertThat(html)
                .contains("<h1>Model <code>&lt;v1&gt;</code></h1>")
                .contains("<code>a&amp;b</code>")
                .contains("<dt>x</dt>")
                .contains("<p>m</p>")
                .doesNotContain("{{");
    }

    @Test
    void refusesToRenderWithAPlaceholderLeftWithoutAValue() {
        assertThatThrownBy(() -> model.render(Map.of("version", "v1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model.html needs a value for source");
    }

    @Test
    void namesTheMissingTemplate() {
        assertThatThrownBy(() -> Template.load("nope.html")).hasMessageContaining("site/nope.html");
    }
}
