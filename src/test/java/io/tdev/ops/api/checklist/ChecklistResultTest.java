package io.tdev.ops.api.checklist;

import io.tdev.ops.api.PlainValues;
import io.tdev.ops.model.Action;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The result's plain form is the documented map: the same keys in the same order, wouldPass only in a dry run. */
class ChecklistResultTest {
    private static final Instant AT = Instant.parse("2026-12-07T09:00:00Z");
    private static final List<ChecklistItem> ITEMS = List.of(ChecklistItem.pass("tests-passed", "3 tests"),
            ChecklistItem.waived("image-scan", "INC-1", "alice"));

    @Test
    void aRealRunHasNoWouldPassKey() {
        ChecklistResult r = ChecklistResult.of("production", "svc", "repo:1", true, null, ITEMS, AT,
                List.of(new Action("notify", "topic", null, "message 1", AT, false))).rendered("<testsuite/>", "## md");

        Map<String, Object> plain = PlainValues.map(r);

        assertThat(List.copyOf(plain.keySet())).containsExactly("passed", "environment", "service", "image", "items",
                "checkedAt", "actions", "junitXml", "markdown");
        assertThat(plain.get("checkedAt")).isEqualTo("2026-12-07T09:00:00Z");
        assertThat(((List<?>) plain.get("items")).get(1)).isEqualTo(Map.of("name", "image-scan", "title",
                "Security scan done", "status", "WAIVED", "evidence", "waived by alice: INC-1", "reason", "INC-1",
                "by", "alice"));
        assertThat(r.ok()).isTrue();
        assertThat(r.dryRun()).isFalse();
    }

    @Test
    void aDryRunSaysWhetherTheRealRunWouldPassAndNeverPasses() {
        ChecklistResult r = ChecklistResult.of("production", "svc", null, false, true, ITEMS, AT, List.of());

        assertThat(List.copyOf(PlainValues.map(r).keySet())).startsWith("passed", "wouldPass", "environment");
        assertThat(r.ok()).isFalse();
        assertThat(r.summary()).startsWith("pre-deploy checklist of production WOULD PASS (dry run): tests-passed PASS");
    }
}
