package io.tdev.ops.api.incident;

import io.tdev.ops.api.Outcome;
import io.tdev.ops.api.escalation.Notice;

import java.util.List;

/**
 * The incident record. Its components are the JSON keys the post-mortem tooling reads (pinned by a test):
 * {@code level}, {@code status} (DIAGNOSED | REMEDIATED | REMEDY_FAILED), {@code diagnosis}, {@code plan},
 * {@code approvers} (who may approve the plan's remedies in the Jenkins incident job: the environment's
 * {@code incident.approvers}; empty: anyone who may build the job), {@code applied}, {@code escalation},
 * {@code timeline}, {@code markdown} (the runbook's incident report, filled in where the evidence says and left as
 * prompts elsewhere).
 */
public record IncidentResult(String level, String status, List<Finding> diagnosis, List<Remedy> plan,
                             List<String> approvers, List<AppliedRemedy> applied, List<Notice> escalation, List<TimelineEntry> timeline,
                             String markdown) implements Outcome {
    public IncidentResult {
        diagnosis = List.copyOf(diagnosis);
        plan = List.copyOf(plan);
        approvers = List.copyOf(approvers);
        applied = List.copyOf(applied);
        escalation = List.copyOf(escalation);
        timeline = List.copyOf(timeline);
    }

    /** Diagnosed (and whatever was asked applied) without a failed remedy or escalation. */
    @Override
    public boolean ok() {
        return !status.equals("REMEDY_FAILED") && escalation.stream().noneMatch(n -> n.status().equals("FAILED"));
    }
}
