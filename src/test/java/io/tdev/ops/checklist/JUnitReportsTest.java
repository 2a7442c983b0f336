package io.tdev.ops.checklist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JUnitReportsTest {
    @TempDir
    Path dir;

    private Path write(String relative, String xml) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, xml);
        return p;
    }

    static String suite(String name, int pass, int fail, int error, int skipped) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"" + name + "\">\n");
        for (int i = 0; i < pass; i++) {
            b.append("<testcase classname=\"").append(name).append("\" name=\"ok").append(i).append("\"/>\n");
        }
        for (int i = 0; i < fail; i++) {
            b.append("<testcase classname=\"").append(name).append("\" name=\"fails").append(i)
                    .append("\"><failure message=\"expected 1\">trace</failure></testcase>\n");
        }
        for (int i = 0; i < error; i++) {
            b.append("<testcase classname=\"").append(name).append("\" name=\"errs").append(i)
                    .append("\"><error message=\"NPE\"/></testcase>\n");
        }
        for (int i = 0; i < skipped; i++) {
            b.append("<testcase classname=\"").append(name).append("\" name=\"skip").append(i).append("\"><skipped/></testcase>\n");
        }
        return b.append("</testsuite>\n").toString();
    }

    @Test
    void countsTestsFailuresErrorsAndSkippedOverEveryReportInADirectory() throws IOException {
        write("surefire-reports/TEST-a.xml", suite("a.ATest", 3, 0, 0, 1));
        write("surefire-reports/TEST-b.xml", suite("b.BTest", 2, 1, 1, 0));
        write("surefire-reports/notes.txt", "not a report");

        JUnitReports.Totals t = JUnitReports.read(JUnitReports.find(dir, "surefire-reports"));

        assertThat(t.files()).isEqualTo(2);
        assertThat(t.tests()).isEqualTo(8);
        assertThat(t.failures()).isEqualTo(1);
        assertThat(t.errors()).isEqualTo(1);
        assertThat(t.skipped()).isEqualTo(1);
        assertThat(t.failed()).containsExactly("b.BTest.fails0", "b.BTest.errs0");
        assertThat(t.passed()).isFalse();
    }

    @Test
    void testsuitesRootsAndGlobsWork() throws IOException {
        write("build/test-results/test/TEST-x.xml", "<testsuites>" + suite("x.XTest", 2, 0, 0, 0)
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "") + "</testsuites>");
        write("build/test-results/other/TEST-y.xml", suite("y.YTest", 1, 0, 0, 0));

        List<Path> found = JUnitReports.find(dir, "build/test-results/**/TEST-*.xml");
        JUnitReports.Totals t = JUnitReports.read(found);

        assertThat(found).hasSize(2);
        assertThat(t.tests()).isEqualTo(3);
        assertThat(t.passed()).isTrue();
    }

    @Test
    void malformedXmlFailsWhileOtherXmlIsIgnored() throws IOException {
        Path broken = write("r/TEST-broken.xml", "<testsuite><testcase name=\"x\">");
        Path pom = write("r/pom.xml", "<project/>");
        Path ok = write("r/TEST-ok.xml", suite("ok.OkTest", 1, 0, 0, 0));

        JUnitReports.Totals t = JUnitReports.read(List.of(broken, pom, ok));

        assertThat(t.unreadable()).singleElement().asString().contains("TEST-broken.xml");
        assertThat(t.ignored()).singleElement().asString().contains("pom.xml").contains("<project>");
        assertThat(t.files()).isEqualTo(2);
        assertThat(t.passed()).isFalse();
        assertThat(JUnitReports.read(List.of(pom, ok)).passed()).isTrue();
    }

    @Test
    void externalEntitiesAreRefused() throws IOException {
        Path evil = write("r/TEST-evil.xml", "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<testsuite><testcase name=\"&x;\"/></testsuite>");

        JUnitReports.Totals t = JUnitReports.read(List.of(evil));

        assertThat(t.tests()).isZero();
        assertThat(t.unreadable()).hasSize(1);
    }

    @Test
    void aMissingLocationFindsNothing() {
        assertThat(JUnitReports.find(dir, "nowhere")).isEmpty();
        assertThat(JUnitReports.find(dir, "nowhere/**/*.xml")).isEmpty();
    }
}
