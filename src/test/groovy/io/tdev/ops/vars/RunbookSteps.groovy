package io.tdev.ops.vars

import io.tdev.ops.api.DefaultTdevOps
import io.tdev.ops.api.TdevOps
import io.tdev.ops.api.health.HealthRequest
import io.tdev.ops.api.health.HealthUseCase

import java.time.Duration

/**
 * The runbook's six steps (TdevHealthCheckStep, TdevPreDeployChecklistStep, TdevEcsDeployStep, TdevRollbackStep,
 * TdevScaleStep, TdevMarkKnownGoodStep) as the plugin binds them: their parameters, once, for the simulated binding and
 * for {@link ScriptedOps}; and on a simulated world, the step's arguments as the use case's request and its result
 * record as the return value.
 */
class RunbookSteps {
    /** TdevMutationStep's parameters: every change step waits (or not) for its rollout, and can be planned only. */
    static final List<String> CHANGE = ['wait', 'timeoutMinutes', 'dryRun']

    /** Each step's own parameters (the plugin step's constructor and setters, without where it runs). */
    static final Map<String, List<String>> PARAMETERS = [
            tdevHealthCheck       : ['baselineTime', 'ignoreAlarms', 'windowMinutes', 'signals', 'signalTimeoutSeconds'],
            tdevPreDeployChecklist: ['image', 'testReports', 'backupMaxAgeHours', 'takeBackup', 'scanSeverity', 'waive',
                                     'waivedBy', 'skip', 'notify', 'message', 'dryRun', 'scanTimeoutMinutes'],
            tdevEcsDeploy         : ['image', 'container'] + CHANGE,
            tdevRollback          : ['target', 'reason', 'notify'] + CHANGE,
            tdevScale             : ['count', 'force'] + CHANGE,
            tdevMarkKnownGood     : ['revision', 'dryRun', 'requireHealthy', 'baselineTime', 'ignoreAlarms'],
    ]

    static void bind(PipelineHarness harness, SimulatedTdevOps world) {
        step(harness, 'tdevHealthCheck') { StepCall c -> world.over(HealthUseCase).run(healthRequest(c)) }
        // Not typed yet (issue 8: the checklist and change use cases are being written); until then the facade, with
        // the arguments as the plugin's steps pass them
        TdevOps facade = new DefaultTdevOps(world.context)
        step(harness, 'tdevPreDeployChecklist') { StepCall c -> facade.preDeployChecklist(checklistArguments(c, harness)) }
        step(harness, 'tdevEcsDeploy') { StepCall c -> facade.ecsDeploy(c.args) }
        step(harness, 'tdevRollback') { StepCall c -> facade.rollback(c.args) }
        step(harness, 'tdevScale') { StepCall c -> facade.scale(c.args) }
        step(harness, 'tdevMarkKnownGood') { StepCall c -> facade.markKnownGood(c.args) }
    }

    private static void step(PipelineHarness harness, String name, Closure call) {
        harness.bindStep(name, PARAMETERS[name], call)
    }

    static HealthRequest healthRequest(StepCall c) {
        new HealthRequest(c.instant('baselineTime'), c.texts('ignoreAlarms') as Set, c.duration('windowMinutes',
                Duration.ofMinutes(1)), c.texts('signals'), c.duration('signalTimeoutSeconds', Duration.ofSeconds(1)))
    }

    /**
     * The checklist's arguments as the plugin passes them on: waivers as item -> reason, test reports (relative to
     * the workspace) as the path the plugin copied them to.
     */
    static Map checklistArguments(StepCall c, PipelineHarness harness) {
        Map args = new LinkedHashMap(c.args)
        if (c.has('waive')) {
            args.waive = c.waivers('waive')
        }
        String reports = c.text('testReports')
        if (reports != null && !new File(reports).absolute) {
            args.testReports = harness.file(reports).absolutePath
        }
        return args
    }
}
