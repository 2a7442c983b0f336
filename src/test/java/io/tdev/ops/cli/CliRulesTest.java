package io.tdev.ops.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The CLI's own layering rules. */
class CliRulesTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tdev.ops");

    @Test
    void onlyMainEndsTheProcess() {
        noClasses().that().doNotHaveFullyQualifiedName(Main.class.getName())
                .should().callMethod(System.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "halt", int.class)
                .check(classes);
    }

    @Test
    void theDemoUsesOnlyTheTypedApiAndTheSimulation() {
        noClasses().that().resideInAPackage("io.tdev.ops.demo..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tdev.ops.cli..", "io.tdev.ops.aws..",
                        "io.tdev.ops.port..", "picocli..", "software.amazon..")
                .check(classes);
    }
}
