package dev.newsdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Dependencies point one way: cli, web and site on top; training, trending and article below; classify under them;
 * ingest at the bottom. The library features know nothing of Spring or HTTP.
 */
@AnalyzeClasses(packages = "dev.newsdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresDependOneWay = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("cli")
            .definedBy("dev.newsdesk.cli..")
            .layer("bench")
            .definedBy("dev.newsdesk.bench..")
            .layer("application")
            .definedBy("dev.newsdesk")
            .layer("web")
            .definedBy("dev.newsdesk.web..")
            .layer("site")
            .definedBy("dev.newsdesk.site..")
            .layer("article")
            .definedBy("dev.newsdesk.article..")
            .layer("training")
            .definedBy("dev.newsdesk.training..")
            .layer("trending")
            .definedBy("dev.newsdesk.trending..")
            .layer("system")
            .definedBy("dev.newsdesk.system..")
            .layer("classify")
            .definedBy("dev.newsdesk.classify..")
            .layer("ingest")
            .definedBy("dev.newsdesk.ingest..")
            .whereLayer("cli")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("bench")
            .mayOnlyBeAccessedByLayers("cli")
            .whereLayer("application")
            .mayOnlyBeAccessedByLayers("cli", "bench")
            .whereLayer("web")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("site")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("article")
            .mayOnlyBeAccessedByLayers("web", "site", "cli")
            .whereLayer("training")
            .mayOnlyBeAccessedByLayers("web", "site", "cli", "bench")
            .whereLayer("trending")
            .mayOnlyBeAccessedByLayers("web", "site", "system", "cli", "bench")
            .whereLayer("system")
            .mayOnlyBeAccessedByLayers("web", "site", "article", "cli", "bench")
            .whereLayer("classify")
            .mayOnlyBeAccessedByLayers("web", "site", "article", "training", "system", "cli", "bench")
            .whereLayer("ingest")
            .mayOnlyBeAccessedByLayers(
                    "web", "site", "article", "training", "trending", "system", "classify", "cli", "bench");

    @ArchTest
    static final ArchRule librariesKnowNothingOfSpringOrHttp = noClasses()
            .that()
            .resideInAnyPackage(
                    "dev.newsdesk.classify..",
                    "dev.newsdesk.trending..",
                    "dev.newsdesk.ingest..",
                    "dev.newsdesk.training..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.servlet..", "io.micrometer..");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes()
            .that()
            .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should()
            .notBePublic()
            .andShould()
            .resideInAPackage("dev.newsdesk.web");

    @ArchTest
    static final ArchRule noFieldInjectionOrValueStrings = noFields()
            .should()
            .beAnnotatedWith(org.springframework.beans.factory.annotation.Autowired.class)
            .orShould()
            .beAnnotatedWith(org.springframework.beans.factory.annotation.Value.class);
}
