package io.tdev.ops.vars

import io.tdev.ops.api.fleet.FleetHealthRequest
import io.tdev.ops.api.fleet.FleetHealthUseCase

/** TdevFleetHealthStep as the plugin binds it: the step's {@code services} become the request. */
class FleetSteps {
    static void bind(PipelineHarness harness, SimulatedTdevOps world) {
        harness.bindStep('tdevFleetHealth', ['services']) { StepCall c ->
            world.over(FleetHealthUseCase).run(new FleetHealthRequest(c.texts('services')))
        }
    }
}
