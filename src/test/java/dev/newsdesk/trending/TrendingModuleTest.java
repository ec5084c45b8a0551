package dev.newsdesk.trending;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The trending package is a plain library with one public face. */
class TrendingModuleTest {

    private static final JavaClasses TRENDING = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.newsdesk.trending");

    @Test
    void knowsNothingOfSpringHttpOrTheOtherFeatures() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "jakarta.servlet..",
                        "dev.newsdesk.article..",
                        "dev.newsdesk.web..",
                        "dev.newsdesk.classify..",
                        "dev.newsdesk.ingest..",
                        "dev.newsdesk.cli..")
                .check(TRENDING);
    }

    @Test
    void onlyTheFacadeAndItsValuesArePublic() {
        Set<String> publicTypes = TRENDING.stream()
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getSimpleName)
                .collect(Collectors.toSet());
        assertThat(publicTypes)
                .containsExactlyInAnyOrder(
                        "Trending",
                        "TrendingSettings",
                        "Window",
                        "Rising",
                        "Storage",
                        "Backend",
                        "ArticleMeta",
                        "EngagementEvent",
                        "EventType",
                        "Outcome",
                        "Scope",
                        "Kind",
                        "TrendingList",
                        "TrendingItem",
                        "ScoreExplanation",
                        "TrendingStats",
                        "TrendingException");
    }

    @Test
    void publicValuesAreRecordsOrEnums() {
        classes()
                .that()
                .arePublic()
                .and()
                .doNotHaveSimpleName("Trending")
                .and()
                .doNotHaveSimpleName("TrendingException")
                .should()
                .beRecords()
                .orShould()
                .beEnums()
                .check(TRENDING);
    }
}
