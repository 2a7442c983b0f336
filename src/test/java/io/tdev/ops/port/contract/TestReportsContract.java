package io.tdev.ops.port.contract;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.TestReport;
import io.tdev.ops.port.TestReports;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tdev.ops.testing.InMemoryTestReports.suite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link TestReports} adapter does. The world: files at paths relative to where the adapter reads
 * (a directory on disk, files in memory), arranged with {@link #givenFile}.
 */
public abstract class TestReportsContract {
    protected abstract TestReports reports();

    /** A file at {@code path} ('/'-separated, relative to where the adapter reads) holding {@code content}. */
    protected abstract void givenFile(String path, String content);

    private static List<String> files(List<TestReport> reports) {
        return reports.stream().map(TestReport::file).toList();
    }

    @Test
    void aMissingDirectoryHoldsNoReports() {
        assertThat(reports().read("nowhere")).isEmpty();
        assertThat(reports().read("nowhere/**/*.xml")).isEmpty();
    }

    @Test
    void aGlobMatchingNothingHoldsNoReports() {
        givenFile("reports/TEST-a.xml", suite("a.ATest", 1, 0, 0, 0));

        assertThat(reports().read("reports/**/*.json")).isEmpty();
        assertThat(reports().read("other/*.xml")).isEmpty();
    }

    @Test
    void aDirectoryHoldsEveryXmlFileBelowItInPathOrder() {
        givenFile("reports/TEST-b.xml", suite("b.BTest", 2, 0, 0, 0));
        givenFile("reports/nested/TEST-a.xml", suite("a.ATest", 1, 0, 0, 0));
        givenFile("reports/notes.txt", "not a report");
        givenFile("elsewhere/TEST-c.xml", suite("c.CTest", 1, 0, 0, 0));

        List<TestReport> read = reports().read("reports");

        assertThat(files(read)).containsExactly("reports/TEST-b.xml", "reports/nested/TEST-a.xml");
        assertThat(read).extracting(TestReport::tests).containsExactly(2, 1);
        assertThat(files(reports().read("./reports/"))).isEqualTo(files(read));
    }

    @Test
    void failuresErrorsAndSkippedAreCountedAndTheFailedNamed() {
        givenFile("r/TEST-x.xml", suite("x.XTest", 3, 1, 1, 1));

        TestReport x = reports().read("r").get(0);

        assertThat(x.kind()).isEqualTo(TestReport.Kind.JUNIT);
        assertThat(x.tests()).isEqualTo(6);
        assertThat(x.failures()).isEqualTo(1);
        assertThat(x.errors()).isEqualTo(1);
        assertThat(x.skipped()).isEqualTo(1);
        assertThat(x.failedTests()).containsExactly("x.XTest.fails0", "x.XTest.errs0");
        assertThat(x.problem()).isNull();
    }

    @Test
    void aReportNamesItsFirstTenFailedTestsAndCountsThemAll() {
        givenFile("r/TEST-many.xml", suite("m.ManyTest", 0, 12, 0, 0));

        TestReport many = reports().read("r/TEST-many.xml").get(0);

        assertThat(many.failures()).isEqualTo(12);
        assertThat(many.failedTests()).hasSize(TestReport.MAX_NAMED).startsWith("m.ManyTest.fails0");
    }

    @Test
    void severalFilesAGlobOverDirectoriesAndTestsuitesRoots() {
        givenFile("build/test-results/test/TEST-x.xml", "<testsuites>" + suite("x.XTest", 2, 0, 0, 0)
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "") + "</testsuites>");
        givenFile("build/test-results/other/TEST-y.xml", suite("y.YTest", 1, 1, 0, 0));
        givenFile("build/test-results/TEST-top.xml", suite("t.TopTest", 1, 0, 0, 0));
        givenFile("build/test-results/other/output.xml", "<output/>");

        List<TestReport> read = reports().read("build/test-results/**/TEST-*.xml");

        // "dir/**/x" also matches dir/x, as Ant and Jenkins globs do
        assertThat(files(read)).containsExactly("build/test-results/TEST-top.xml",
                "build/test-results/other/TEST-y.xml", "build/test-results/test/TEST-x.xml");
        assertThat(read).extracting(TestReport::tests).containsExactly(1, 2, 2);
        assertThat(read).extracting(TestReport::failures).containsExactly(0, 1, 0);
    }

    @Test
    void aLocationNamingOneFileReadsThatFileWhateverItsName() {
        givenFile("out/results.junit", suite("o.OutTest", 2, 0, 0, 0));

        assertThat(reports().read("out/results.junit")).singleElement()
                .satisfies(r -> assertThat(r.tests()).isEqualTo(2));
    }

    @Test
    void malformedXmlIsMalformedAndOtherXmlIsNoTestReport() {
        givenFile("r/TEST-broken.xml", "<testsuite><testcase name=\"x\">");
        givenFile("r/pom.xml", "<project/>");

        List<TestReport> read = reports().read("r");

        assertThat(read).extracting(TestReport::kind).containsExactly(TestReport.Kind.MALFORMED,
                TestReport.Kind.NOT_JUNIT);
        assertThat(read.get(0).problem()).isNotBlank();
        assertThat(read.get(0).fileName()).isEqualTo("TEST-broken.xml");
        assertThat(read.get(1).problem()).isEqualTo("root element <project>, not <testsuite>");
    }

    @Test
    void externalEntitiesAreRefused() {
        givenFile("r/TEST-evil.xml", "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<testsuite><testcase name=\"&x;\"/></testsuite>");

        TestReport evil = reports().read("r").get(0);

        assertThat(evil.kind()).isEqualTo(TestReport.Kind.MALFORMED);
        assertThat(evil.tests()).isZero();
    }

    @Test
    void aBlankLocationIsInvalidInputNamingTestReports() {
        assertThatThrownBy(() -> reports().read(" "))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("testReports"))
                .hasMessageContaining("allowed: a directory, file or glob");
    }
}
