package dev.dotgit.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A rule about a package that does not exist passes while checking nothing. Every package
 * the architecture rules name must hold classes, so a rename cannot silently void a rule.
 */
class LayerPackagesExistTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(new ProductionClassesOnly())
            .importPackages("dev.dotgit");

    @ParameterizedTest
    @ValueSource(strings = {
        "dev.dotgit.domain", "dev.dotgit.application.port.in", "dev.dotgit.application.port.out",
        "dev.dotgit.application.service", "dev.dotgit.adapter.persistence", "dev.dotgit.adapter.git",
        "dev.dotgit.adapter.process", "dev.dotgit.adapter.filesystem", "dev.dotgit.adapter.scheduler",
        "dev.dotgit.adapter.hosting", "dev.dotgit.adapter.githttp", "dev.dotgit.adapter.webhooks",
        "dev.dotgit.adapter.rest.admin", "dev.dotgit.adapter.jwt",
        "dev.dotgit.adapter.rest.v1", "dev.dotgit.adapter.rest.v2", "dev.dotgit.adapter.rest.v3",
        "dev.dotgit.adapter.ratelimit",
        "dev.dotgit.bootstrap"})
    void everyLayerTheRulesNameHasClasses(String layer) {
        assertThat(PRODUCTION.stream().filter(c -> c.getPackageName().startsWith(layer)).count())
                .as("classes in " + layer).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"io.micronaut.data.annotation.MappedEntity", "io.micronaut.http.annotation.Controller"})
    void everyAnnotationTheRulesSelectOnIsUsed(String annotation) {
        assertThat(PRODUCTION.stream().filter(c -> c.isAnnotatedWith(annotation)).count())
                .as("classes annotated with " + annotation).isPositive();
    }
}
