package io.tdev.ops.vars

/** The fixture of the tests that run a var against scripted step answers: the answers and a harness bound to them. */
abstract class ScriptedVarTest extends VarTest {
    ScriptedOps ops = new ScriptedOps()

    PipelineHarness harness(PipelineMode mode) {
        ops.bind(new PipelineHarness(mode, workspace))
    }
}
