package io.tdev.ops.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The core (model, port, runbook, config, report, api) knows nothing of AWS, Jenkins or picocli, and runbook code reads no wall clock. */
class LayeringTest {
    private static final String[] CORE = {"io.tdev.ops.model..", "io.tdev.ops.port..", "io.tdev.ops.runbook..",
            "io.tdev.ops.config..", "io.tdev.ops.report..", "io.tdev.ops.api.."};
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
    void coreDependsOnNoAdapterOrFrontEnd() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("io.tdev.ops.aws..", "io.tdev.ops.sim..",
                        "io.tdev.ops.cli..")
                .check(classes);
    }

    @Test
    void runbookCodeTakesTimeOnlyFromTheInjectedClockAndSleeper() {
        // Sleeper.system() is the real sleeper the front ends inject; it is the one allowed Thread.sleep
        noClasses().that().resideInAPackage("io.tdev.ops.runbook..")
                .and().doNotHaveFullyQualifiedName("io.tdev.ops.runbook.Sleeper")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .check(classes);
    }

    @Test
    void onlyTheSleeperFactoryMaySleepForReal() {
        noClasses().that().resideInAnyPackage("io.tdev.ops.runbook..", "io.tdev.ops.api..", "io.tdev.ops.report..")
                .and().doNotHaveFullyQualifiedName("io.tdev.ops.runbook.Sleeper")
                .should().callMethod(Thread.class, "sleep", long.class)
                .check(classes);
    }
}
