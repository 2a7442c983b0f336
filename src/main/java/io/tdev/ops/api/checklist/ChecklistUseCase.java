package io.tdev.ops.api.checklist;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.checklist.PreDeployChecklist;

/**
 * The runbook's pre-deploy checklist, each item with evidence: tests-passed (the build's JUnit XML reports, read
 * through the context's {@link io.tdev.ops.port.TestReports}), image-scan, backup, rollback-plan, monitoring,
 * team-notified. A failed item is a result ({@code passed} false), not an error; the gate is the caller's.
 */
public interface ChecklistUseCase {
    ChecklistResult run(ChecklistRequest request);

    static ChecklistUseCase over(OpsContext context) {
        return new PreDeployChecklist(context);
    }
}
