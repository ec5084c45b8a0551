package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CategoryMappingTest {

    private static final CategoryMapping SPEC = CategoryMapping.parse(
            "Opinions,Columns,Editorial,Letters -> Opinion; Crime,Metro Crime -> Crime; * -> News");

    @Test
    void mapsCategoriesCaseInsensitivelyWithSpacesCollapsed() {
        assertThat(SPEC.labelFor(List.of("columns"))).contains("Opinion");
        assertThat(SPEC.labelFor(List.of("  METRO   crime "))).contains("Crime");
        assertThat(SPEC.labelFor(List.of("Sports"))).contains("News");
        assertThat(SPEC.labelFor(List.of())).contains("News");
    }

    @Test
    void firstMatchingRuleWinsWhateverTheOrderOfTheArticlesCategories() {
        assertThat(SPEC.labelFor(List.of("Crime", "Columns"))).contains("Opinion");
        assertThat(SPEC.labelFor(List.of("Columns", "Crime"))).contains("Opinion");
        assertThat(CategoryMapping.parse("Crime -> Crime; Columns -> Opinion").labelFor(List.of("Columns", "Crime")))
                .contains("Crime");
    }

    @Test
    void dropLeavesArticlesOutAndSoDoesNoMatchingRule() {
        CategoryMapping m = CategoryMapping.parse("Sports -> drop; Crime -> Crime");

        assertThat(m.labelFor(List.of("Sports", "Crime"))).isEmpty();
        assertThat(m.labelFor(List.of("Politics"))).isEmpty();
        assertThat(CategoryMapping.parse("Crime -> Crime; * -> DROP").labelFor(List.of("Politics")))
                .isEmpty();
    }

    @Test
    void rulesMayBeWrittenOnePerLineWithComments() {
        CategoryMapping m = CategoryMapping.parse("# site sections\nLetters -> Opinion\n\n* -> News\n");

        assertThat(m.rules()).hasSize(2);
        assertThat(m.labelFor(List.of("Letters"))).contains("Opinion");
    }

    @Test
    void nigerianDefaultPutsOpinionSectionsBeforeCrimeAndTheRestInNews() {
        CategoryMapping d = CategoryMapping.NIGERIAN_DEFAULT;

        for (String c : List.of("Opinion", "Opinions", "Columns", "Editorial", "Letters", "Op-Ed")) {
            assertThat(d.labelFor(List.of(c))).as(c).contains("Opinion");
        }
        assertThat(d.labelFor(List.of("Crime"))).contains("Crime");
        assertThat(d.labelFor(List.of("Metro Crime"))).contains("Crime");
        assertThat(d.labelFor(List.of("Crime", "Op-Ed"))).contains("Opinion");
        assertThat(d.labelFor(List.of("Politics"))).contains("News");
        assertThat(d.labelFor(List.of("ACADEMICS"))).contains("News");
    }

    @Test
    void appliesToAnArticlesCategoriesAttributeOrItsSiteCategory() {
        Article several = new Article(
                "1", "t", "b", null, null, "Sports", List.of(), null, null, Map.of(Article.CATEGORIES, "Sports|Crime"));
        Article one = new Article("2", "t", "b", null, null, "Letters", List.of(), null, null, Map.of());

        assertThat(SPEC.apply(several)).get().extracting(Article::label).isEqualTo("Crime");
        assertThat(SPEC.apply(one)).get().extracting(Article::label).isEqualTo("Opinion");
    }

    @Test
    void writesItselfBackAsASpecThatParsesToTheSameRules() {
        assertThat(CategoryMapping.parse(SPEC.toString()).rules()).isEqualTo(SPEC.rules());
    }

    @Test
    void refusesMalformedRulesSayingHowToWriteThem() {
        assertThatThrownBy(() -> CategoryMapping.parse("Crime => Crime"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Crime => Crime'")
                .hasMessageContaining("'->'");
        assertThatThrownBy(() -> CategoryMapping.parse("Crime -> "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs one label");
        assertThatThrownBy(() -> CategoryMapping.parse(" -> News"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no category");
        assertThatThrownBy(() -> CategoryMapping.parse("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }
}
