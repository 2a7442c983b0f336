package io.tdev.ops.api.escalation;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.escalation.Escalate;

/**
 * Escalation by the environment's policy ({@code escalation.policies}): who, through which channel, and when.
 * Incidents and security incidents call it: {@code EscalationUseCase.over(context).run(new EscalationRequest(
 * "security", subject, evidence, startedAt, false, false))}. Calling it again later sends what has become due
 * (a job waits until {@code nextDueAt}).
 */
public interface EscalationUseCase {
    EscalationResult run(EscalationRequest request);

    static EscalationUseCase over(OpsContext context) {
        return new Escalate(context);
    }
}
