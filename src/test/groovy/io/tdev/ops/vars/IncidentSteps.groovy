package io.tdev.ops.vars

import io.tdev.ops.api.escalation.EscalationRequest
import io.tdev.ops.api.escalation.EscalationUseCase
import io.tdev.ops.api.incident.IncidentRequest
import io.tdev.ops.api.incident.IncidentUseCase

/**
 * The incident steps as the plugin binds them (TdevIncidentStep, TdevEscalateStep): a missing {@code startedAt} is,
 * for the incident, the use case's own now, and for the escalation the engine's clock, as the plugin's steps take it.
 */
class IncidentSteps {
    static void bind(PipelineHarness harness, SimulatedTdevOps world) {
        harness.bindStep('tdevIncident', ['level', 'agent', 'apply', 'since', 'startedAt', 'noNotify', 'dryRun']) { StepCall c ->
            world.over(IncidentUseCase).run(new IncidentRequest(c.text('level'), c.text('agent'), c.texts('apply'),
                    c.flag('dryRun'), IncidentRequest.parseSince(c.text('since')), c.instant('startedAt'),
                    c.flag('noNotify')))
        }
        harness.bindStep('tdevEscalate', ['kind', 'subject', 'summary', 'startedAt', 'resolved', 'noNotify']) { StepCall c ->
            world.over(EscalationUseCase).run(new EscalationRequest(c.text('kind'), c.text('subject'), c.text('summary'),
                    c.instant('startedAt') ?: world.context.clock().instant(), c.flag('resolved'), c.flag('noNotify')))
        }
    }
}
