package dev.newsdesk.trending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeTest {

    private static final List<String> LABELS = List.of("Crime", "News", "Opinion");

    @Test
    void readsAllALabelInAnyCaseAndACategory() {
        assertThat(Scope.parse(" ALL ", LABELS)).isEqualTo(Scope.ALL);
        assertThat(Scope.parse("label:crime", LABELS)).isEqualTo(Scope.label("Crime"));
        assertThat(Scope.parse("Category: Metro ", LABELS)).isEqualTo(Scope.category("Metro"));
        assertThat(Scope.parse(Scope.label("Opinion").toString(), LABELS)).isEqualTo(Scope.label("Opinion"));
    }

    @Test
    void refusesALabelTheModelDoesNotHaveAndSaysWhichItHas() {
        assertThatThrownBy(() -> Scope.parse("label:Sport", LABELS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scope 'label:Sport' names no label of the model; labels are Crime, News, Opinion");
    }

    @Test
    void refusesAnythingElseAndSaysWhatWouldDo() {
        for (String bad : List.of("", "label:", "category:", "section:sport", "everything")) {
            assertThatThrownBy(() -> Scope.parse(bad, LABELS))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not 'all', 'label:<label>' or 'category:<site category>'");
        }
    }
}
