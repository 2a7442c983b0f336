package io.tdev.ops.vars

import io.tdev.ops.api.fleet.FleetHealthRequest
import io.tdev.ops.fleet.FleetHealth

/**
 * The fleet step as the plugin binds it (TdevFleetHealthStep; Groovy 2.4 cannot call a Java interface's static
 * method, so the use case is built directly rather than through {@code FleetHealthUseCase.over}): the step's
 * {@code services} become the request, the result record its return value.
 */
class FleetSteps {
    static void bind(PipelineHarness harness, SimulatedTdevOps env) {
        harness.bindOutcome('tdevFleetHealth') { Map a ->
            new FleetHealth(env.context).run(new FleetHealthRequest((List<String>) (a.services ?: [])))
        }
    }
}
