package io.tdev.ops.demo;

import io.tdev.ops.demo.DemoScenario.Outcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the story went: the timeline, the decision record, and whether it ended as the scenario should. */
public record DemoReport(DemoScenario scenario, String image, String environment, Outcome outcome,
                         List<Map<String, Object>> timeline, List<Map<String, Object>> decisions) {

    public boolean asDesigned() {
        return outcome == scenario.expected();
    }

    /** The JSON shape: scenario, image, environment, expected, outcome, asDesigned, timeline[], decisions[]. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("scenario", scenario.name());
        map.put("image", image);
        map.put("environment", environment);
        map.put("expected", scenario.expected().name());
        map.put("outcome", outcome.name());
        map.put("asDesigned", asDesigned());
        map.put("timeline", timeline);
        map.put("decisions", decisions);
        return map;
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("tdev-ops demo: a gated deploy of ").append(image).append(" to ").append(environment)
                .append(" (simulated, virtual time)\n\nTimeline\n");
        for (Map<String, Object> entry : timeline) {
            out.append(String.format("  %s %s  %-12s %s%s%n", time(entry), entry.get("elapsed"), entry.get("step"),
                    entry.get("detail"), repeated(entry)));
        }
        out.append("\nDecision record\n");
        for (Map<String, Object> decision : decisions) {
            out.append(String.format("  %s %s  %s%n  %19s because %s%n", time(decision), decision.get("elapsed"),
                    decision.get("decision"), "", decision.get("why")));
        }
        out.append('\n').append(verdictLine()).append('\n');
        return out.toString();
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("## tdev-ops demo: gated deploy of `").append(image).append("` to ").append(environment)
                .append("\n\n### Timeline (virtual time)\n\n| at | elapsed | step | detail |\n|---|---|---|---|\n");
        for (Map<String, Object> entry : timeline) {
            out.append("| ").append(entry.get("at")).append(" | ").append(entry.get("elapsed")).append(" | ")
                    .append(entry.get("step")).append(" | ").append(cell(entry.get("detail") + repeated(entry)))
                    .append(" |\n");
        }
        out.append("\n### Decision record\n\n| at | elapsed | decision | why |\n|---|---|---|---|\n");
        for (Map<String, Object> decision : decisions) {
            out.append("| ").append(decision.get("at")).append(" | ").append(decision.get("elapsed")).append(" | ")
                    .append(cell(decision.get("decision"))).append(" | ").append(cell(decision.get("why")))
                    .append(" |\n");
        }
        out.append("\n**").append(verdictLine()).append("**\n");
        return out.toString();
    }

    private String verdictLine() {
        return "Outcome: " + outcome + (asDesigned() ? " - as designed for scenario '" + scenario + "'"
                : " - NOT as designed: scenario '" + scenario + "' should end " + scenario.expected());
    }

    /** " (same N more times until HH:mm:ss)" for a collapsed entry. */
    private static String repeated(Map<String, Object> entry) {
        Object repeated = entry.get("repeated");
        return repeated == null ? "" : " (same " + repeated + " more time" + (Integer.valueOf(1).equals(repeated) ? ""
                : "s") + " until " + time(entry.get("until")) + ")";
    }

    private static String time(Map<String, Object> entry) {
        return time(entry.get("at"));
    }

    /** HH:mm:ss of the ISO instant. */
    private static String time(Object instant) {
        String at = String.valueOf(instant);
        int t = at.indexOf('T');
        return t < 0 || at.length() < t + 9 ? at : at.substring(t + 1, t + 9);
    }

    private static String cell(Object value) {
        return String.valueOf(value).replace("|", "\\|").replaceAll("\\R", " ");
    }
}
