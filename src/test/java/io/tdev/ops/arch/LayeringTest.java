package io.tdev.ops.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The core (model, port, health, change, checklist, support, config, report, api) knows nothing of AWS, Jenkins or picocli, and use-case code reads no wall clock. */
class LayeringTest {
    /** The engine: its original packages and one package per capability (each typed from birth, see docs/engine.md). */
    private static final String[] CORE = {"io.tdev.ops.model..", "io.tdev.ops.port..", "io.tdev.ops.health..", "io.tdev.ops.change..", "io.tdev.ops.checklist..", "io.tdev.ops.support..",
            "io.tdev.ops.config..", "io.tdev.ops.report..", "io.tdev.ops.api..", "io.tdev.ops.weekly..",
            "io.tdev.ops.maintenance..", "io.tdev.ops.incident..", "io.tdev.ops.backup..", "io.tdev.ops.security..",
            "io.tdev.ops.traffic..", "io.tdev.ops.fleet..", "io.tdev.ops.admin..", "io.tdev.ops.escalation.."};
    /** Where use cases run: time only from the injected clock and sleeper, no JSON library. */
    private static final String[] USE_CASES = {"io.tdev.ops.health..", "io.tdev.ops.change..", "io.tdev.ops.checklist..", "io.tdev.ops.support..", "io.tdev.ops.weekly..",
            "io.tdev.ops.maintenance..", "io.tdev.ops.incident..", "io.tdev.ops.backup..", "io.tdev.ops.security..",
            "io.tdev.ops.traffic..", "io.tdev.ops.fleet..", "io.tdev.ops.admin..", "io.tdev.ops.escalation.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tdev.ops");
    }

    @Test
    void coreImportsNoAwsJenkinsOrPicocliType() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "hudson..", "jenkins..",
                        "org.jenkinsci..", "picocli..");
        rule.check(classes);
    }

    @Test
    void onlyConfigAndReportUseJackson() {
        noClasses().that().resideInAnyPackage("io.tdev.ops.model..", "io.tdev.ops.port..", "io.tdev.ops.health..", "io.tdev.ops.change..", "io.tdev.ops.checklist..", "io.tdev.ops.support..",
                        "io.tdev.ops.api..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..")
                .check(classes);
    }

    @Test
    void coreDependsOnNoAdapterOrFrontEnd() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("io.tdev.ops.aws..", "io.tdev.ops.sim..",
                        "io.tdev.ops.cli..")
                .check(classes);
    }

    @Test
    void useCaseCodeTakesTimeOnlyFromTheInjectedClockAndSleeper() {
        // Sleeper.system() is the real sleeper the front ends inject; it is the one allowed Thread.sleep
        noClasses().that().resideInAnyPackage(USE_CASES)
                .and().doNotHaveFullyQualifiedName("io.tdev.ops.api.Sleeper")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .orShould().callMethod(java.util.concurrent.TimeUnit.class, "sleep", long.class)
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .check(classes);
    }

    @Test
    void onlyTheSleeperFactoryMaySleepForReal() {
        noClasses().that().resideInAnyPackage("io.tdev.ops.health..", "io.tdev.ops.change..", "io.tdev.ops.checklist..", "io.tdev.ops.support..", "io.tdev.ops.api..", "io.tdev.ops.report..")
                .and().doNotHaveFullyQualifiedName("io.tdev.ops.api.Sleeper")
                .should().callMethod(Thread.class, "sleep", long.class)
                .check(classes);
    }
}
