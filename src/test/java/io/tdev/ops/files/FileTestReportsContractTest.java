package io.tdev.ops.files;

import io.tdev.ops.model.TestReport;
import io.tdev.ops.port.TestReports;
import io.tdev.ops.port.contract.TestReportsContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.tdev.ops.testing.InMemoryTestReports.suite;
import static org.assertj.core.api.Assertions.assertThat;

/** The {@link TestReportsContract} on real files in a temporary directory, and what only a disk has. */
class FileTestReportsContractTest extends TestReportsContract {
    @TempDir
    Path base;

    @Override
    protected TestReports reports() {
        return new FileTestReports(base);
    }

    @Override
    protected void givenFile(String path, String content) {
        try {
            Path file = base.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anAbsoluteLocationIsReadWhereverTheBaseIs(@TempDir Path elsewhere) throws IOException {
        Files.writeString(elsewhere.resolve("TEST-abs.xml"), suite("abs.AbsTest", 4, 0, 0, 0));

        assertThat(reports().read(elsewhere.toString())).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo(elsewhere.resolve("TEST-abs.xml").toString());
            assertThat(r.tests()).isEqualTo(4);
        });
        assertThat(reports().read(elsewhere + "/*.xml")).extracting(TestReport::tests).containsExactly(4);
    }

    @Test
    void aRelativeLocationIsRelativeToTheBaseNotToTheWorkingDirectory() {
        givenFile("target/surefire-reports/TEST-here.xml", suite("h.HereTest", 1, 0, 0, 0));

        assertThat(reports().read("target/surefire-reports")).extracting(TestReport::file)
                .containsExactly("target/surefire-reports/TEST-here.xml");
    }
}
