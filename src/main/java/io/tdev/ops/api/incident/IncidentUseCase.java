package io.tdev.ops.api.incident;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.incident.IncidentResponse;

/**
 * The runbook's incident playbooks: diagnose a P0 / P1 / P2 in seconds (reads in parallel, each within the health
 * check's signal timeout), propose the runbook's remedies with their evidence and exact commands, apply those the
 * request names through the rollback, scale and admin use cases, escalate by the environment's policy, and return
 * the record for the post-mortem.
 */
public interface IncidentUseCase {
    IncidentResult run(IncidentRequest request);

    static IncidentUseCase over(OpsContext context) {
        return new IncidentResponse(context);
    }
}
