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
                        "io.tdev.ops.files..", "io.tdev.ops.cli..")
                .check(classes);
    }

    /** The checklist reads the build's test reports through the TestReports port, wherever they are (an agent). */
    @Test
    void theChecklistTouchesNoFileSystem() {
        noClasses().that().resideInAnyPackage("io.tdev.ops.checklist..", "io.tdev.ops.api.checklist..")
                .should().dependOnClassesThat().resideInAPackage("java.nio.file..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(java.io.File.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(java.io.FileInputStream.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(java.io.FileReader.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(java.io.FileOutputStream.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(java.io.FileWriter.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(java.io.RandomAccessFile.class.getName())
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

    /** The engine's insides a front end never reaches past {@code api}: the use-case packages and the ports. */
    private static final String[] ENGINE_INSIDES = {"io.tdev.ops.health..", "io.tdev.ops.change..",
            "io.tdev.ops.checklist..", "io.tdev.ops.support..", "io.tdev.ops.port..", "io.tdev.ops.weekly..",
            "io.tdev.ops.maintenance..", "io.tdev.ops.incident..", "io.tdev.ops.escalation..", "io.tdev.ops.backup..",
            "io.tdev.ops.security..", "io.tdev.ops.traffic..", "io.tdev.ops.fleet..", "io.tdev.ops.admin.."};
    /** The CLI classes that wire the AWS client factory (sessions, options) and print the IAM policy. */
    private static final String[] CLI_AWS_WIRING = {"io.tdev.ops.cli.EnvironmentSessions", "io.tdev.ops.cli.AwsOptions",
            "io.tdev.ops.cli.IamPolicyCommand"};

    @Test
    void theCliReachesTheEngineOnlyThroughApiAndModel() {
        // config (the environment a command opens) and report (the one JSON writer) are the other engine packages it
        // uses; the use cases, their results' internals and the ports stay behind api
        noClasses().that().resideInAPackage("io.tdev.ops.cli..")
                .should().dependOnClassesThat().resideInAnyPackage(ENGINE_INSIDES)
                .check(classes);
    }

    @Test
    void onlyTheCliWiringTouchesTheAwsAdapters() {
        noClasses().that().resideInAPackage("io.tdev.ops.cli..")
                .and().doNotHaveFullyQualifiedName(CLI_AWS_WIRING[0])
                .and().doNotHaveFullyQualifiedName(CLI_AWS_WIRING[1])
                .and().doNotHaveFullyQualifiedName(CLI_AWS_WIRING[2])
                .should().dependOnClassesThat().resideInAPackage("io.tdev.ops.aws..")
                .check(classes);
    }

    /**
     * The Jenkins plugin is not compiled by this build, so its sources are scanned: of the engine it imports only
     * api (with each capability's api package), model and config, aws only where it wires the client factory, and
     * port and files only in WorkspaceReports, its adapter of the TestReports port.
     */
    @Test
    void thePluginImportsOnlyApiModelAndTheWiring() throws java.io.IOException {
        java.nio.file.Path sources = java.nio.file.Path.of("jenkins-plugin/src/main/java");
        java.util.Set<String> allowed = java.util.Set.of("api", "model", "config", "aws");
        java.util.Set<String> awsWiring = java.util.Set.of("AwsSettingsResolver.java", "OpsTarget.java",
                "AwsTdevOpsProvider.java");
        // the plugin's one adapter: the checklist's test reports read in the workspace with the engine's file adapter
        java.util.Set<String> reportsAdapter = java.util.Set.of("WorkspaceReports.java");
        java.util.regex.Pattern engineImport = java.util.regex.Pattern.compile(
                "^import (?:static )?io\\.tdev\\.ops\\.([a-z]+)\\.", java.util.regex.Pattern.MULTILINE);
        java.util.List<String> offending = new java.util.ArrayList<>();
        int scanned = 0;
        try (var files = java.nio.file.Files.walk(sources)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                scanned++;
                java.util.regex.Matcher m = engineImport.matcher(java.nio.file.Files.readString(file));
                while (m.find()) {
                    String pkg = m.group(1);
                    String name = file.getFileName().toString();
                    boolean ok = allowed.contains(pkg) && (!pkg.equals("aws") || awsWiring.contains(name))
                            || (pkg.equals("port") || pkg.equals("files")) && reportsAdapter.contains(name);
                    if (!ok) {
                        offending.add(file.getFileName() + " imports io.tdev.ops." + pkg);
                    }
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(scanned).as("plugin sources found").isGreaterThan(20);
        org.assertj.core.api.Assertions.assertThat(offending).isEmpty();
    }
}
