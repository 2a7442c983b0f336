package io.tdev.ops.vars

/** The fixture of the tests that run a var (or a Jenkinsfile) against the real engine on a simulated environment. */
abstract class SimulatedVarTest extends VarTest {
    /** A harness whose plugin steps act on {@code world}. */
    PipelineHarness attached(PipelineMode mode, SimulatedTdevOps world) {
        world.attach(new PipelineHarness(mode, workspace))
    }
}
