package dev.dotgit.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.http.annotation.Controller;
import java.util.Arrays;

/**
 * The boundaries of the house (docs/ARCHITECTURE.md). The Maven module graph already stops
 * most wrong imports at compile time; these rules also guard what a module graph cannot
 * see: what the core may use, where persistence entities may travel, and what controllers
 * may call. {@link LayerPackagesExistTest} makes sure none of them checks an empty package.
 */
@AnalyzeClasses(packages = "dev.dotgit", importOptions = ProductionClassesOnly.class)
class ArchitectureTest {

    static final String DOMAIN = "dev.dotgit.domain..";
    static final String PORTS = "dev.dotgit.application.port..";
    static final String SERVICES = "dev.dotgit.application.service..";
    static final String BOOTSTRAP = "dev.dotgit.bootstrap..";

    @ArchTest
    static final ArchRule onion_with_one_adapter_per_module = onionArchitecture()
            .domainModels(DOMAIN)
            .domainServices(PORTS)
            .applicationServices(SERVICES)
            .adapter("persistence", "dev.dotgit.adapter.persistence..")
            .adapter("git", "dev.dotgit.adapter.git..")
            .adapter("process", "dev.dotgit.adapter.process..")
            .adapter("filesystem", "dev.dotgit.adapter.filesystem..")
            .adapter("scheduler", "dev.dotgit.adapter.scheduler..")
            .adapter("hosting", "dev.dotgit.adapter.hosting..")
            .adapter("git-http", "dev.dotgit.adapter.githttp..")
            .adapter("webhooks", "dev.dotgit.adapter.webhooks..")
            .adapter("jwt", "dev.dotgit.adapter.jwt..")
            .adapter("rest-admin", "dev.dotgit.adapter.rest.admin..")
            .adapter("rest-v1", "dev.dotgit.adapter.rest.v1..")
            .adapter("rest-v2", "dev.dotgit.adapter.rest.v2..")
            .adapter("rest-v3", "dev.dotgit.adapter.rest.v3..")
            .adapter("ratelimit", "dev.dotgit.adapter.ratelimit..")
            .ensureAllClassesAreContainedInArchitectureIgnoring(BOOTSTRAP)
            // The composition root must see every layer to wire it (its generated bean
            // definitions name services and adapters); the reverse is forbidden below.
            .ignoreDependency(JavaClass.Predicates.resideInAPackage(BOOTSTRAP), DescribedPredicate.alwaysTrue())
            .because("the core depends on nothing outside it, and adapters (each API version among them) "
                    + "never depend on each other, so each can change or be replaced alone");

    /**
     * Said again on its own, although the onion already implies it, because it is the rule
     * every API version lives by: v1 can freeze while v3 moves only if nothing of one version
     * (DTOs, mappers, cursor codecs, error renderers) is reachable from another.
     */
    @ArchTest
    static final ArchRule api_versions_are_isolated_from_each_other = slices()
            // one slice per REST module: v1, v2, v3, and the operator surface (admin)
            .matching("dev.dotgit.adapter.rest.(*)..")
            .should().notDependOnEachOther()
            .because("each API version translates the same use cases in its own module; sharing a class between "
                    + "versions would let a change for one silently change another's payloads");

    @ArchTest
    static final ArchRule domain_uses_only_the_jdk = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
            .because("the domain is plain Java: no framework, no library, so it outlives every technology choice");

    @ArchTest
    static final ArchRule application_uses_only_the_jdk_and_domain = classes()
            .that().resideInAPackage("dev.dotgit.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, "dev.dotgit.application..")
            .because("use cases are framework-free; bootstrap's factory wires them, so they carry no annotations");

    @ArchTest
    static final ArchRule nothing_depends_on_bootstrap = noClasses().that().resideOutsideOfPackage(BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP)
            .because("bootstrap is the composition root: it sees everything and nothing sees it");

    @ArchTest
    static final ArchRule persistence_entities_stay_in_the_persistence_adapter = classes()
            .that().areAnnotatedWith(MappedEntity.class)
            .should().onlyBeAccessed().byClassesThat().resideInAPackage("dev.dotgit.adapter.persistence..")
            .andShould().notBePublic()
            .because("rows are a storage detail: the rest of the system sees domain objects through the ports");

    @ArchTest
    static final ArchRule controllers_call_only_in_ports = noClasses().that().areAnnotatedWith(Controller.class)
            .should().dependOnClassesThat().resideInAnyPackage(SERVICES, "dev.dotgit.application.port.out..")
            .because("a driving adapter talks to the application through its use cases only");

    @ArchTest
    static final ArchRule services_implement_use_cases = classes()
            .that().resideInAPackage(SERVICES).and().haveSimpleNameEndingWith("Service")
            .should(implementAnInterfaceOf("dev.dotgit.application.port.in", "UseCase", "Query"))
            .because("a service is the implementation of a use case (<Verb><Noun>UseCase for changes, "
                    + "<Verb><Noun>Query for reads); anything else is a helper and is named for what it does");

    @ArchTest
    static final ArchRule adapters_implement_out_ports_named_ports = classes()
            .that().resideInAPackage("dev.dotgit.adapter..")
            .should(onlyImplementInterfacesOf("dev.dotgit.application.port.out", "Port"))
            .because("what an adapter implements is an out-port, named <Verb><Noun>Port, "
                    + "so a reader knows at once what a new adapter must provide");

    /** The class implements at least one interface from {@code pkg} whose name ends with one of {@code suffixes}. */
    private static ArchCondition<JavaClass> implementAnInterfaceOf(String pkg, String... suffixes) {
        return new ArchCondition<>("implement an interface of " + pkg + " named *" + String.join(" or *", suffixes)) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                boolean found = item.getAllRawInterfaces().stream().anyMatch(i -> i.getPackageName().startsWith(pkg)
                        && Arrays.stream(suffixes).anyMatch(i.getSimpleName()::endsWith));
                if (!found) {
                    events.add(SimpleConditionEvent.violated(item, item.getName() + " implements no such interface"));
                }
            }
        };
    }

    /** Every interface the class implements from {@code pkg} is named {@code *suffix}. */
    private static ArchCondition<JavaClass> onlyImplementInterfacesOf(String pkg, String suffix) {
        return new ArchCondition<>("name every implemented interface of " + pkg + " *" + suffix) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                item.getAllRawInterfaces().stream()
                        .filter(i -> i.getPackageName().startsWith(pkg) && !i.getSimpleName().endsWith(suffix))
                        .forEach(i -> events.add(SimpleConditionEvent.violated(item,
                                item.getName() + " implements " + i.getName())));
            }
        };
    }
}
