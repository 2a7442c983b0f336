package io.tdev.ops.cli;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResultRendererTest {
    private static Map<String, Object> signal(String name, String status, String evidence) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("status", status);
        m.put("value", "1 in ALARM");
        m.put("threshold", "0 alarms named t-developer* in ALARM, not counting those already in ALARM at the baseline time");
        m.put("evidence", evidence);
        return m;
    }

    @Test
    void longColumnsFollowTheirRowInFullInsteadOfBeingCut() {
        String evidence = "t-developer-production-alb-5xx since 2026-11-26T09:00:00Z: Threshold Crossed: "
                + "1 datapoint [40.0 (26/11/26 08:59:00)] was greater than or equal to the threshold (10.0).";
        String text = ResultRenderer.text(Map.of("signals", List.of(signal("alarms", "UNHEALTHY", evidence))));

        assertThat(text).contains("  NAME    STATUS     VALUE\n  alarms  UNHEALTHY  1 in ALARM\n")
                .contains("      evidence: " + evidence + "\n");
    }

    @Test
    void markdownEscapesPipesInCells() {
        String markdown = ResultRenderer.markdown("health", Map.of("signals",
                List.of(signal("error-logs", "DEGRADED", "a | b"))));

        assertThat(markdown).contains("| error-logs | DEGRADED |").contains("a \\| b");
    }

    @Test
    void preparedMarkdownOfTheEngineIsUsedAsIs() {
        assertThat(ResultRenderer.markdown("checklist", Map.of("passed", true, "markdown", "## Checklist\n")))
                .isEqualTo("## Checklist\n");
    }

    @Test
    void jsonWritesInstantsAsIsoText() {
        assertThat(ResultRenderer.json(Map.of("at", Instant.parse("2026-11-26T09:00:00Z"))))
                .contains("\"at\" : \"2026-11-26T09:00:00Z\"");
    }

    @Test
    void textLeavesOutTheJsonOnlyRenderings() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("passed", false);
        result.put("junitXml", "<testsuite/>");
        result.put("markdown", "## x");

        assertThat(ResultRenderer.text(result)).isEqualTo("passed: false\n");
    }
}
