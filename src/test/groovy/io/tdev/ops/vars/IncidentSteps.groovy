package io.tdev.ops.vars

import io.tdev.ops.api.OpsContext
import io.tdev.ops.api.escalation.EscalationRequest
import io.tdev.ops.api.incident.IncidentRequest
import io.tdev.ops.escalation.Escalate
import io.tdev.ops.incident.IncidentResponse
import io.tdev.ops.api.Progress

import java.time.Instant

/**
 * The incident steps as the plugin binds them (TdevIncidentStep, TdevEscalateStep) over {@code env}: the step's
 * arguments become the use case's request, the result record its (plain) return value; a missing {@code startedAt}
 * is the engine's now, as the plugin's steps take it. The implementations are built directly: Groovy 2.4 cannot call
 * a static method of an interface (the use cases' {@code over}).
 */
class IncidentSteps {
    static void bind(PipelineHarness harness, SimulatedTdevOps env) {
        OpsContext c = new OpsContext(env.config, env.sim.ports(), env.sim.clock(), env.sim.sleeper(),
                { String line -> harness.log << line } as Progress, 'jenkins')
        harness.bindOutcome('tdevIncident') { Map a ->
            new IncidentResponse(c).run(new IncidentRequest((String) a.level, (String) a.agent, (List) a.apply,
                    a.dryRun as boolean, IncidentRequest.parseSince((String) a.since), instant(a.startedAt),
                    a.noNotify as boolean))
        }
        harness.bindOutcome('tdevEscalate') { Map a ->
            new Escalate(c).run(new EscalationRequest((String) a.kind, (String) a.subject, (String) a.summary,
                    instant(a.startedAt) ?: env.sim.now(), a.resolved as boolean, a.noNotify as boolean))
        }
    }

    private static Instant instant(Object text) {
        text == null ? null : Instant.parse((String) text)
    }
}
