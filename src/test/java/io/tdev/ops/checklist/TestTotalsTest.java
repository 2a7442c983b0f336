package io.tdev.ops.checklist;

import io.tdev.ops.model.TestReport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the tests-passed item makes of the reports read: the counts, and when they pass. */
class TestTotalsTest {
    private static TestReport junit(String file, int tests, int failures, int errors, int skipped, String... failed) {
        return TestReport.junit(file, tests, failures, errors, skipped, List.of(failed));
    }

    @Test
    void countsTestsFailuresErrorsAndSkippedOverEveryReport() {
        TestTotals t = TestTotals.of(List.of(junit("r/TEST-a.xml", 4, 0, 0, 1),
                junit("r/TEST-b.xml", 4, 1, 1, 0, "b.BTest.fails0", "b.BTest.errs0")));

        assertThat(t.files()).isEqualTo(2);
        assertThat(t.tests()).isEqualTo(8);
        assertThat(t.failures()).isEqualTo(1);
        assertThat(t.errors()).isEqualTo(1);
        assertThat(t.skipped()).isEqualTo(1);
        assertThat(t.failed()).containsExactly("b.BTest.fails0", "b.BTest.errs0");
        assertThat(t.passed()).isFalse();
    }

    @Test
    void malformedXmlFailsWhileOtherXmlIsIgnored() {
        TestReport broken = TestReport.malformed("r/TEST-broken.xml", "XML document structures must end");
        TestReport pom = TestReport.notJUnit("r/pom.xml", "project");
        TestReport ok = junit("r/TEST-ok.xml", 1, 0, 0, 0);

        TestTotals t = TestTotals.of(List.of(broken, pom, ok));

        assertThat(t.unreadable()).singleElement().asString().contains("TEST-broken.xml").doesNotContain("r/");
        assertThat(t.ignored()).singleElement().asString().contains("pom.xml").contains("<project>");
        assertThat(t.files()).isEqualTo(2);
        assertThat(t.passed()).isFalse();
        assertThat(TestTotals.of(List.of(pom, ok)).passed()).isTrue();
    }

    @Test
    void atMostTenFailedTestsAreNamedOverAllReports() {
        String[] names = IntStream.range(0, 8).mapToObj(i -> "a.ATest.fails" + i).toArray(String[]::new);

        TestTotals t = TestTotals.of(List.of(junit("TEST-a.xml", 8, 8, 0, 0, names),
                junit("TEST-b.xml", 5, 5, 0, 0, "b.B.f0", "b.B.f1", "b.B.f2", "b.B.f3", "b.B.f4")));

        assertThat(t.failures()).isEqualTo(13);
        assertThat(t.failed()).hasSize(10).endsWith("b.B.f0", "b.B.f1");
    }

    @Test
    void noReportOrNoTestDoesNotPass() {
        assertThat(TestTotals.of(List.of()).passed()).isFalse();
        assertThat(TestTotals.of(List.of(junit("TEST-empty.xml", 0, 0, 0, 0))).passed()).isFalse();
    }
}
