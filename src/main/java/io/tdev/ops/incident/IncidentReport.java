package io.tdev.ops.incident;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.escalation.Notice;
import io.tdev.ops.api.incident.AppliedRemedy;
import io.tdev.ops.api.incident.Finding;
import io.tdev.ops.api.incident.IncidentRequest;
import io.tdev.ops.api.incident.Remedy;
import io.tdev.ops.api.incident.TimelineEntry;

import java.time.Instant;
import java.util.List;

/**
 * The runbook's incident report (symptoms, customer impact, team, immediate action, root cause, prevention,
 * post-mortem) as Markdown: what the evidence says is filled in, the rest is left as a prompt in italics.
 */
final class IncidentReport {
    private IncidentReport() {
    }

    static String summary(List<Finding> findings, List<Remedy> plan, List<AppliedRemedy> applied) {
        StringBuilder s = new StringBuilder();
        findings.stream().filter(f -> !f.status().equals("OK"))
                .forEach(f -> s.append("- ").append(f.status()).append(' ').append(f.name()).append(": ").append(f.value())
                        .append(" (").append(f.evidence()).append(")\n"));
        plan.forEach(r -> s.append("- proposed ").append(r.remedy()).append(": ").append(r.command()).append('\n'));
        applied.forEach(a -> s.append("- applied ").append(a.remedy()).append(": ").append(a.status()).append('\n'));
        return s.toString();
    }

    static String markdown(OpsContext context, IncidentRequest request, String status, List<Finding> findings,
                           List<Remedy> plan, List<AppliedRemedy> applied, List<Notice> escalation,
                           List<TimelineEntry> timeline, Instant startedAt) {
        List<Finding> bad = findings.stream().filter(f -> f.status().equals("BAD") || f.status().equals("WARN")).toList();
        StringBuilder md = new StringBuilder();
        md.append("# Incident report: ").append(request.level()).append(" on ").append(context.config().name())
                .append(" (").append(status).append(")\n\n");
        md.append("Began ").append(startedAt).append("; opened by ").append(context.user()).append(".\n\n");
        md.append("## Symptoms\n");
        if (bad.isEmpty()) {
            md.append("- no signal out of line in the diagnosis: _describe what users reported_\n");
        }
        bad.forEach(f -> md.append("- **").append(f.name()).append("** ").append(cell(f.value())).append(": ")
                .append(cell(f.evidence())).append('\n'));
        md.append("\n## Customer impact\n");
        findings.stream().filter(f -> List.of("target-health", "error-rate", "traffic", "failing-agent").contains(f.name()))
                .forEach(f -> md.append("- ").append(f.name()).append(": ").append(cell(f.value())).append('\n'));
        md.append("- _who was affected, for how long, which projects failed_\n");
        md.append("\n## Team\n");
        List<String> told = escalation.stream().filter(n -> n.status().equals("NOTIFIED")).flatMap(n -> n.to().stream()).toList();
        md.append("- on call: ").append(context.user()).append('\n');
        md.append("- escalated to: ").append(told.isEmpty() ? "nobody yet" : String.join(", ", told)).append('\n');
        escalation.stream().filter(n -> n.status().equals("PENDING"))
                .forEach(n -> md.append("- pending: ").append(String.join(", ", n.to())).append(" at ").append(n.dueAt())
                        .append(" if still unresolved\n"));
        md.append("\n## Immediate action\n");
        if (applied.isEmpty()) {
            md.append(plan.isEmpty() ? "- none proposed: _what was done by hand_\n" : "- none applied yet; proposed:\n");
            plan.forEach(r -> md.append("  - `").append(r.command()).append("`: ").append(cell(r.why())).append('\n'));
        }
        applied.forEach(a -> md.append("- ").append(a.remedy()).append(": **").append(a.status()).append("** ")
                .append(cell(a.note())).append('\n'));
        md.append("\n## Root cause\n");
        plan.stream().findFirst().ifPresentOrElse(
                r -> md.append("- suspected (from the evidence, to confirm): ").append(cell(r.why())).append('\n'),
                () -> md.append("- _not found by the diagnosis_\n"));
        md.append("- _confirmed root cause_\n");
        md.append("\n## Prevention\n- _what keeps it from happening again (tests, alarms, limits)_\n");
        md.append("\n## Post-mortem\n- _date, attendees, action items with owners_\n");
        md.append("\n## Diagnosis\n| signal | status | value | evidence |\n|---|---|---|---|\n");
        findings.forEach(f -> md.append("| ").append(f.name()).append(" | ").append(f.status()).append(" | ")
                .append(cell(f.value())).append(" | ").append(cell(f.evidence())).append(" |\n"));
        md.append("\n## Plan\n| remedy | why | command |\n|---|---|---|\n");
        plan.forEach(r -> md.append("| ").append(r.remedy()).append(" | ").append(cell(r.why())).append(" | `")
                .append(r.command()).append("` |\n"));
        md.append("\n## Escalation\n| level | to | channel | status | due |\n|---|---|---|---|---|\n");
        escalation.forEach(n -> md.append("| ").append(n.level()).append(" | ").append(String.join(", ", n.to()))
                .append(" | `").append(n.channel()).append("` | ").append(n.status()).append(" | ").append(n.dueAt()).append(" |\n"));
        md.append("\n## Timeline\n| at | what |\n|---|---|\n");
        timeline.forEach(t -> md.append("| ").append(t.at()).append(" | ").append(cell(t.what())).append(" |\n"));
        return md.toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
