package io.tdev.ops.weekly;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.weekly.WeeklyReportRequest;
import io.tdev.ops.api.weekly.WeeklyReportResult;
import io.tdev.ops.api.weekly.WeeklyReportUseCase;
import io.tdev.ops.api.Progress;
import io.tdev.ops.sim.SimEnvironment;
import io.tdev.ops.testing.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code scripts/render-report.sh} turns the weekly HTML page into a PNG with headless Chromium. Runs where
 * Chromium is installed (Debian package {@code chromium}); elsewhere it is skipped, and says so.
 */
class RenderReportScriptTest {
    private static final Path SCRIPT = Path.of("scripts/render-report.sh");

    private static boolean chromiumInstalled() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Process run(Path html, Path png) throws IOException {
        return new ProcessBuilder("sh", SCRIPT.toString(), html.toString(), png.toString(), "800x1400")
                .redirectErrorStream(true).start();
    }

    @Test
    void rendersTheWeeklyPageToAPng(@TempDir Path dir) throws Exception {
        assumeTrue(chromiumInstalled(), "skipped: no Chromium installed (apt-get install chromium) - the weekly"
                + " report's PNG rendering was not checked");
        SimEnvironment sim = SimEnvironment.scenario("slo-missed", TestConfigs.production());
        WeeklyReportResult result = WeeklyReportUseCase.over(new OpsContext(sim.config(), sim.ports(), sim.clock(),
                sim.sleeper(), Progress.NONE, "alice")).run(WeeklyReportRequest.lastWeek());
        Path html = dir.resolve("weekly.html");
        Path png = dir.resolve("weekly.png");
        Files.writeString(html, WeeklyHtml.render(result), StandardCharsets.UTF_8);

        Process process = run(html, png);
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }

        assertThat(finished).as("render-report.sh finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(1400);
        assertThat(distinctColours(image)).as("a page with text and charts, not a blank screenshot").isGreaterThan(8);
    }

    @Test
    void aMissingPageIsABadArgument(@TempDir Path dir) throws Exception {
        Process process = run(dir.resolve("nothing.html"), dir.resolve("out.png"));
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("no such file");
    }

    private static long distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
