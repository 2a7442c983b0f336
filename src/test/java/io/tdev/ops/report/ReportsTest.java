package io.tdev.ops.report;

import io.tdev.ops.api.PlainValues;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tdev.ops.model.Action;
import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.model.TaskDefinitionRef;
import io.tdev.ops.api.change.ChangeStatus;
import io.tdev.ops.api.checklist.ChecklistItem;
import io.tdev.ops.api.change.RollbackResult;
import io.tdev.ops.api.checklist.ChecklistResult;
import io.tdev.ops.api.health.HealthResult;
import io.tdev.ops.health.HealthSignal;
import io.tdev.ops.api.checklist.ItemStatus;
import io.tdev.ops.health.MessagePatterns;
import io.tdev.ops.health.SignalStatus;
import io.tdev.ops.health.Verdict;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportsTest {
    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");

    static ChecklistResult checklist() {
        return ChecklistResult.of("production", "t-developer-service-production", "repo:2.0.43", false, null, List.of(
                new ChecklistItem("tests-passed", "All tests pass", ItemStatus.PASS, "12 tests in 2 report(s)", null, null),
                new ChecklistItem("image-scan", "Security scan done", ItemStatus.WAIVED, "waived by lee: CVE <fix> & \"tomorrow\"",
                        "CVE <fix> & \"tomorrow\"", "lee"),
                new ChecklistItem("backup", "Backup done", ItemStatus.FAIL, "no backup of t <table> & \u0007bell", null, null),
                new ChecklistItem("rollback-plan", "Rollback plan ready", ItemStatus.SKIPPED, "skipped on request", null, null)),
                AT, List.of(new Action("notify", "topic", null, "message 1", AT, false)));
    }

    @Test
    void checklistJUnitXmlIsWellFormedWithOneTestcasePerItem() throws Exception {
        String xml = JUnitXmlReport.checklist(checklist());

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element suite = doc.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("2");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(4);
        Element backup = (Element) cases.item(2);
        assertThat(backup.getAttribute("name")).isEqualTo("backup");
        Element failure = (Element) backup.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("no backup of t <table> & bell");
        Element waived = (Element) ((Element) cases.item(1)).getElementsByTagName("skipped").item(0);
        assertThat(waived.getAttribute("message")).isEqualTo("WAIVED by lee: CVE <fix> & \"tomorrow\"");
        assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength()).isZero();
        assertThat(((Element) cases.item(0)).getElementsByTagName("skipped").getLength()).isZero();
    }

    @Test
    void checklistMarkdownIsATableWithEveryItemAndPipesEscaped() {
        ChecklistResult c = ChecklistResult.of("staging", "svc", null, true, null, List.of(
                new ChecklistItem("tests-passed", "All tests pass", ItemStatus.PASS, "a | b\nc", null, null)), AT, List.of());
        String md = MarkdownReport.checklist(c);
        assertThat(md).contains("**PASSED**").contains("| Item | Status | Evidence |")
                .contains("| All tests pass (`tests-passed`) | PASS | a \\| b<br>c |");
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthRendersToJsonWithTheContractKeys() throws Exception {
        HealthResult h = HealthResult.of(new ServiceRef("c", "s"), "production", Verdict.UNHEALTHY,
                List.of("alarms UNHEALTHY: 2 in ALARM"),
                List.of(new HealthSignal("alarms", SignalStatus.UNHEALTHY, "2 in ALARM", "0", "x; y", false),
                        new HealthSignal("s3-usage", SignalStatus.INFO, "3 objects", "informational", "b", true)),
                List.of(new MessagePatterns.Count("ERROR <n>", 4)), AT, null, List.of(), List.of(), null);

        @SuppressWarnings("unchecked")
        Map<String, Object> json = new ObjectMapper().readValue(JsonReport.render(PlainValues.of(h)), Map.class);

        assertThat(json.get("status")).isEqualTo("UNHEALTHY");
        assertThat((List<?>) json.get("signals")).hasSize(2).first()
                .satisfies(s -> assertThat((Map<String, Object>) s).containsEntry("name", "alarms").containsEntry("status", "UNHEALTHY")
                        .containsEntry("value", "2 in ALARM"));
        assertThat(json.get("checkedAt")).isEqualTo("2026-11-26T09:00:00Z");
        assertThat(TextReport.render(h)).contains("UNHEALTHY").contains("alarms").contains("ERROR <n>");
        assertThat(MarkdownReport.health(h)).contains("| alarms | UNHEALTHY | 2 in ALARM | 0 | x; y |");
    }

    @Test
    void otherResultsRenderTheirKeysAndTheActionLog() {
        RollbackResult r = RollbackResult.of(new TaskDefinitionRef("fam", 43), new TaskDefinitionRef("fam", 42),
                "last-known-good", "tagged", ChangeStatus.PLANNED, "5xx", "alice", "would roll back", null, null, null,
                null, List.of(new Action("update service", "c/s", "fam:43", "fam:42", AT, true)));

        String md = r.markdown();

        assertThat(md).startsWith("## tdev-ops rollback").contains("- **from**: fam:43").contains("- **to**: fam:42")
                .contains("- **status**: PLANNED").contains("| what | target | before | after | at | dryRun |")
                .contains("| update service | c/s | fam:43 | fam:42 | 2026-11-26T09:00:00Z | true |");
        assertThat(TextReport.render(checklist())).contains("FAIL     backup").contains("WAIVED   image-scan");
    }
}
