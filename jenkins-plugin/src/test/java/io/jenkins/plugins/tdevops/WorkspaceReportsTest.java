package io.jenkins.plugins.tdevops;

import hudson.FilePath;
import hudson.model.TaskListener;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.TestReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checklist's TestReports port on a workspace (here a local one: on an agent the same callable runs there, see
 * TdevPreDeployChecklistStepTest): the engine's file adapter's locations, the build log's line.
 */
class WorkspaceReportsTest {
    private static final String SUITE = "<testsuite name=\"a.ATest\"><testcase classname=\"a.ATest\" name=\"ok\"/>"
            + "<testcase classname=\"a.ATest\" name=\"bad\"><failure message=\"no\"/></testcase></testsuite>";

    @TempDir
    Path workspace;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final TaskListener listener = new TaskListener() {
        private final PrintStream logger = new PrintStream(log, true, StandardCharsets.UTF_8);

        @Override
        public PrintStream getLogger() {
            return logger;
        }
    };

    private WorkspaceReports reports() {
        return new WorkspaceReports(new FilePath(workspace.toFile()), listener);
    }

    private void write(String path, String content) throws IOException {
        Path file = workspace.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void aDirectoryIsEveryXmlFileBelowItCountedWhereItLies() throws IOException {
        write("reports/TEST-a.xml", SUITE);
        write("reports/nested/TEST-b.xml", SUITE);
        write("reports/notes.txt", "not a report");

        List<TestReport> read = reports().read("reports");

        assertEquals(List.of("reports/TEST-a.xml", "reports/nested/TEST-b.xml"),
                read.stream().map(TestReport::file).toList());
        assertEquals(1, read.get(0).failures());
        assertEquals(List.of("a.ATest.bad"), read.get(0).failedTests());
        assertTrue(log.toString(StandardCharsets.UTF_8)
                .contains("tdevPreDeployChecklist: 2 test report file(s) match reports/**/*.xml"), log.toString());
    }

    @Test
    void aGlobAndAMissingDirectoryAreReadAsTheCliReadsThem() throws IOException {
        write("build/test-results/TEST-top.xml", SUITE);
        write("build/test-results/test/TEST-x.xml", SUITE);

        assertEquals(2, reports().read("build/test-results/**/TEST-*.xml").size());
        assertEquals(List.of(), reports().read("nowhere"));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("0 test report file(s) match nowhere"));
    }

    @Test
    void reportsOutsideANodeSayWhereToCallTheStep() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> WorkspaceReports.over(null, null, listener, "reports"));

        assertEquals("testReports", e.field());
        assertTrue(e.getMessage().contains("call tdevPreDeployChecklist inside node"), e.getMessage());
        assertSame(null, WorkspaceReports.over(null, null, listener, null), "no reports asked: nothing to read");
    }
}
