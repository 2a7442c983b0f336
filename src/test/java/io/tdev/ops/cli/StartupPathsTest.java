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
    void versionWithoutPicocliPrintsWhatPicocliPrints() throws Exception {
        StringWriter picocli = new StringWriter();
        picocli.CommandLine cli = Main.commandLine(new Main());
        cli.setOut(new PrintWriter(picocli));
        assertThat(cli.execute("--version")).isZero();

        for (String option : new String[] {"--version", "-V"}) {
            assertThat(stdoutOf(() -> Main.main(new String[] {option}))).isEqualTo(picocli.toString())
                    .startsWith("tdev-ops ");
        }
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
