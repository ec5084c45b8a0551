package dev.newsdesk.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The ingest feature's shape: a small public face, and no knowledge of the features that use it. */
class IngestModuleTest {

    private static final JavaClasses INGEST = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.newsdesk.ingest");

    @Test
    void dependsOnlyOnTheJdkAndItsParsers() {
        classes()
                .that()
                .resideInAPackage("dev.newsdesk.ingest")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "dev.newsdesk.ingest",
                        "java..",
                        "javax.xml..",
                        "org.jsoup..",
                        "tools.jackson..",
                        "org.apache.commons.csv..")
                .check(INGEST);
    }

    @Test
    void publicFaceIsTheEntryPointAndItsValues() {
        assertThat(INGEST.stream()
                        .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                        .map(JavaClass::getSimpleName))
                .containsExactlyInAnyOrder(
                        "Readers",
                        "ArticleReader",
                        "Article",
                        "Format",
                        "InputHint",
                        "ReadOptions",
                        "IngestLimits",
                        "InputException",
                        "PageDump",
                        "TrendingEntry",
                        "CategoryMapping",
                        "Rule",
                        "Dates");
    }
}
