package io.tdev.ops.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The short cuts of a CLI start: --version without picocli, the CDS training run, the launcher script. */
class StartupPathsTest {
    @Test
    void theLauncherPrintsTheVersionPicocliPrints() throws Exception {
        StringWriter picocli = new StringWriter();
        picocli.CommandLine cli = Main.commandLine(new Main());
        cli.setOut(new PrintWriter(picocli));
        assertThat(cli.execute("--version")).isZero();

        for (String option : new String[] {"--version", "-V"}) {
            assertThat(stdoutOf(() -> Launcher.main(new String[] {option}))).isEqualTo(picocli.toString())
                    .startsWith("tdev-ops ");
        }
    }

    /** The warm-up runs beside picocli only for a command that opens a session, and AWS's only when it goes to AWS. */
    @Test
    void theWarmUpBesidePicocliIsWhatTheCommandsSessionNeeds() {
        assertThat(EnvironmentSessions.warmUpsFor(java.util.List.of("health", "--region", "eu-west-1")))
                .containsExactly(EnvironmentSessions.WarmUp.CONFIG, EnvironmentSessions.WarmUp.AWS);
        assertThat(EnvironmentSessions.warmUpsFor(java.util.List.of("health", "--simulate")))
                .containsExactly(EnvironmentSessions.WarmUp.CONFIG);
        for (String[] none : new String[][] {{}, {"health", "--help"}, {"help"}, {"demo"}, {"iam-policy", "--commands", "health"}}) {
            assertThat(EnvironmentSessions.warmUpsFor(java.util.List.of(none))).as(String.join(" ", none)).isEmpty();
        }
    }

    @Test
    void aCommandLineWithOnlyTheNamedSubcommandParsesPrintsAndExitsAsTheFullOne() {
        String[][] runs = {
                {"health", "--help"},
                {"health", "--simulate", "--output", "json"},
                {"health", "--simulate", "--scenario", "fleet", "--services", "svc-0001,svc-0008", "--output", "markdown"},
                {"health", "--bogus"},
                {"health", "--simulate", "--output", "xml"},
                {"rollback", "--simulate", "--target", "previous", "--reason", "drill", "--dry-run"},
                {"traffic-event", "--help"},
                {"traffic-event", "prepare", "--help"},
                {"iam-policy", "--commands", "health"},
                {"help", "health"},
                {"--help"},
                {"nonsense"},
        };
        for (String[] args : runs) {
            CliOutput full = CliOutput.ofLatestRun();
            CliOutput lean = CliOutput.ofLatestRun();
            int fullExit = full.run(Main.commandLine(new Main()), args);
            int leanExit = lean.run(Main.commandLine(new Main(), args), args);

            String run = String.join(" ", args);
            assertThat(leanExit).as("exit of %s", run).isEqualTo(fullExit);
            assertThat(lean.out()).as("out of %s", run).isEqualTo(full.out());
            // progress lines come in the order the parallel signals finish
            assertThat(lean.err().lines().sorted().toList()).as("err of %s", run)
                    .isEqualTo(full.err().lines().sorted().toList());
        }
        assertThat(Main.commandLine(new Main(), new String[] {"health", "--simulate"}).getSubcommands())
                .containsOnlyKeys("health");
    }

    @Test
    void theClassDataTrainingRunsEveryCommandItTrainsOnAndRestoresTheConsole() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;

        ClassDataTraining.main(new String[0]);

        assertThat(System.out).isSameAs(out);
        assertThat(System.err).isSameAs(err);
    }

    @Test
    void theLauncherSaysHowToBuildAMissingJar() throws Exception {
        Path missing = Files.createTempDirectory("tdev-ops-launcher").resolve("tdev-ops.jar");
        ProcessBuilder pb = new ProcessBuilder("sh", "bin/tdev-ops", "--version").redirectErrorStream(true);
        pb.environment().put("TDEV_OPS_JAR", missing.toString());
        Process p = pb.start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(printed).contains(missing + " not found").contains("./mvnw -B -q -Dmaven.test.skip=true package");
    }

    private interface Run {
        void run() throws Exception;
    }

    private static String stdoutOf(Run run) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
