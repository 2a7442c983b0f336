package io.tdev.ops.incident;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.admin.AdminRequest;
import io.tdev.ops.api.change.ChangeResult;
import io.tdev.ops.api.change.RollbackRequest;
import io.tdev.ops.api.change.RollbackTarget;
import io.tdev.ops.api.change.RollbackUseCase;
import io.tdev.ops.api.change.ScaleRequest;
import io.tdev.ops.api.change.ScaleUseCase;
import io.tdev.ops.api.admin.AdminResult;
import io.tdev.ops.api.admin.AdminUseCase;
import io.tdev.ops.api.escalation.EscalationRequest;
import io.tdev.ops.api.escalation.EscalationResult;
import io.tdev.ops.api.escalation.EscalationUseCase;
import io.tdev.ops.api.incident.AppliedRemedy;
import io.tdev.ops.api.incident.Finding;
import io.tdev.ops.api.incident.IncidentRequest;
import io.tdev.ops.api.incident.IncidentResult;
import io.tdev.ops.api.incident.IncidentUseCase;
import io.tdev.ops.api.incident.Remedy;
import io.tdev.ops.api.incident.TimelineEntry;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.TdevException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@link IncidentUseCase}: diagnose ({@link Diagnosis}), propose ({@link #plan}), escalate by policy (before
 * any change: P0's policy says at once), apply what was asked in the plan's
 * order through the rollback / scale use cases and the admin use case,
 * stopping at the first failure with what to run next, and write the record.
 */
public final class IncidentResponse implements IncidentUseCase {
    private final OpsContext context;
    private final List<TimelineEntry> timeline = new ArrayList<>();

    public IncidentResponse(OpsContext context) {
        this.context = context;
    }

    @Override
    public IncidentResult run(IncidentRequest request) {
        if (request.agent() != null && !context.config().incident().agents().contains(request.agent())) {
            throw InvalidInputException.notAllowed("agent", request.agent(), context.config().incident().agents());
        }
        Instant startedAt = request.startedAt() != null ? request.startedAt() : context.clock().instant();
        mark("incident " + request.level() + " opened by " + context.user() + " (diagnosis of the last "
                + request.since().toMinutes() + " min)");
        Evidence evidence;
        try {
            evidence = new Diagnosis(context).run(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteFailureException("incident", "the diagnosis was interrupted; nothing was changed", true, e);
        }
        List<Finding> findings = evidence.findings();
        mark("diagnosed: " + findings.stream().filter(f -> f.status().equals("BAD")).map(Finding::name)
                .collect(Collectors.joining(", ", "[", "]")) + " bad");
        List<Remedy> plan = plan(request, evidence);
        mark("proposed: " + plan.stream().map(Remedy::remedy).toList());
        for (String asked : request.apply()) {
            if (!asked.equals("all") && plan.stream().noneMatch(r -> r.remedy().equals(asked))) {
                throw new InvalidInputException("apply", "got '" + asked + "', which the diagnosis does not propose; proposed: "
                        + (plan.isEmpty() ? "nothing" : plan.stream().map(Remedy::remedy).collect(Collectors.joining(", "))));
            }
        }
        // escalate before changing anything: a P0 policy says "at once", not "after the rollback's wait"
        EscalationResult escalation = EscalationUseCase.over(context).run(new EscalationRequest(request.level(),
                subject(request, findings), IncidentReport.summary(findings, plan, List.of()), startedAt, false,
                request.noNotify()));
        escalation.escalation().forEach(n -> mark("escalation " + n.level() + " to " + String.join(", ", n.to()) + ": "
                + n.status()));
        List<AppliedRemedy> applied = apply(request, plan);
        String status = applied.isEmpty() ? "DIAGNOSED"
                : applied.stream().anyMatch(a -> !a.ok()) ? "REMEDY_FAILED" : "REMEDIATED";
        String markdown = IncidentReport.markdown(context, request, status, findings, plan, applied,
                escalation.escalation(), timeline, startedAt);
        return new IncidentResult(request.level(), status, findings, plan, context.config().incident().approvers(),
                applied, escalation.escalation(),
                List.copyOf(timeline), markdown);
    }

    private void mark(String what) {
        timeline.add(new TimelineEntry(context.clock().instant(), what));
        context.progress().report(what);
    }

    /** The runbook's remedies for the level, each only when the evidence calls for it. */
    private List<Remedy> plan(IncidentRequest request, Evidence e) {
        String env = " --env " + context.config().name();
        String reason = request.level() + " incident";
        List<Remedy> plan = new ArrayList<>();
        switch (request.level()) {
            case "P0" -> {
                if (e.suspectRevision() != null) {
                    plan.add(new Remedy("rollback", e.suspectRevision() + " was deployed at " + e.suspectDeployAt()
                            + ", shortly before the outage: roll back to the last known-good revision",
                            "tdev-ops rollback" + env + " --target last-known-good --reason \"" + reason + "\""));
                }
                if (!Double.isNaN(e.trafficRatio()) && e.trafficRatio() >= context.config().incident().trafficFactor()) {
                    plan.add(new Remedy("scale", String.format(Locale.ROOT, "requests are %.1fx the usual at this hour:"
                                    + " traffic, not a release; scale to the P0 preset (%s tasks)", e.trafficRatio(),
                            context.config().scalePresets().get("p0")), "tdev-ops scale" + env + " --count p0"));
                }
            }
            case "P1" -> {
                if (!e.slowAgents().isEmpty() || e.lowCacheHitRate() != null) {
                    String slow = e.slowAgents().isEmpty() ? "" : "agents over the " + (int) context.config().slo().agentSeconds()
                            + " s SLO: " + String.join(", ", e.slowAgents()) + "; ";
                    String hits = e.lowCacheHitRate() == null ? "a stale cache slows every agent"
                            : "the cache hits only " + e.lowCacheHitRate() + " of lookups (see cache-hit-rate)";
                    plan.add(new Remedy("clear-cache", slow + hits, "tdev-ops clear-cache" + env + " --reason \"" + reason + "\""));
                }
                if (!e.slowAgents().isEmpty() || e.isOverSlo()) {
                    plan.add(new Remedy("scale", "degraded (" + (e.isOverSlo() ? "CPU, memory or error rate over its SLO"
                            : "slow agents") + "): add tasks (the P1 preset, " + context.config().scalePresets().get("p1") + ")",
                            "tdev-ops scale" + env + " --count p1"));
                }
            }
            default -> {
                String agent = e.failingAgent() != null ? e.failingAgent() : null;
                if (agent != null) {
                    plan.add(new Remedy("restart-agent", "the " + agent + " agent's calls fail (see failing-agent);"
                            + " restart only that agent, then plan a patch",
                            "tdev-ops restart-agent" + env + " --agent " + agent + " --reason \"" + reason + "\"", agent));
                }
            }
        }
        return plan;
    }

    private List<AppliedRemedy> apply(IncidentRequest request, List<Remedy> plan) {
        List<AppliedRemedy> applied = new ArrayList<>();
        String reason = request.level() + " incident";
        for (Remedy remedy : plan) {
            if (!request.applies(remedy.remedy())) {
                continue;
            }
            mark((request.dryRun() ? "planning " : "applying ") + remedy.remedy());
            try {
                AppliedRemedy done = switch (remedy.remedy()) {
                    case "rollback" -> fromChange("rollback", RollbackUseCase.over(context).run(RollbackRequest.of(
                            RollbackTarget.LAST_KNOWN_GOOD, reason, true, null, true, request.dryRun())));
                    case "scale" -> fromChange("scale", ScaleUseCase.over(context).run(ScaleRequest.of(
                            request.level().equals("P0") ? "p0" : "p1", false, true, null, request.dryRun())));
                    case "clear-cache" -> fromAdmin("clear-cache", AdminUseCase.over(context).run(
                            AdminRequest.clearCache(reason, request.dryRun())));
                    default -> fromAdmin("restart-agent", AdminUseCase.over(context).run(AdminRequest.restartAgent(
                            remedy.agent(), reason, request.dryRun())));
                };
                applied.add(done);
                mark(remedy.remedy() + ": " + done.status());
                if (!done.ok()) {
                    break;
                }
            } catch (TdevException e) {
                applied.add(AppliedRemedy.failed(remedy.remedy(), e.getMessage() + "; run by hand: "
                        + remedy.command()));
                mark(remedy.remedy() + " FAILED; the remedies after it were not applied");
                break;
            }
        }
        return applied;
    }

    private static AppliedRemedy fromChange(String remedy, ChangeResult result) {
        String note = result.from() + " -> " + result.to() + (result.message() == null ? "" : ": " + result.message());
        return new AppliedRemedy(remedy, result.status().name(), result.ok(), note, List.copyOf(result.actions()));
    }

    private static AppliedRemedy fromAdmin(String remedy, AdminResult r) {
        return new AppliedRemedy(remedy, r.status(), r.ok(), r.call() + (r.httpStatus() == 0 ? "" : " HTTP " + r.httpStatus())
                + ": " + r.answer(), List.copyOf(r.actions()));
    }

    /** SNS wants an ASCII subject of at most 100 characters. */
    private String subject(IncidentRequest request, List<Finding> findings) {
        String bad = findings.stream().filter(f -> f.status().equals("BAD")).map(Finding::name).limit(3)
                .collect(Collectors.joining(", "));
        String s = "[" + context.config().name() + "] " + request.level() + " incident" + (bad.isEmpty() ? "" : ": " + bad);
        s = s.replaceAll("[^\\x20-\\x7e]", "?");
        return s.length() > 100 ? s.substring(0, 97) + "..." : s;
    }
}
