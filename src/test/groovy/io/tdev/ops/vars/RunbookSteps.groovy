package io.tdev.ops.vars

import io.tdev.ops.api.OpsContext
import io.tdev.ops.api.checklist.ChecklistRequest
import io.tdev.ops.api.checklist.ChecklistUseCase
import io.tdev.ops.api.change.ChangeResult
import io.tdev.ops.api.change.DeployRequest
import io.tdev.ops.api.change.DeployUseCase
import io.tdev.ops.api.change.MarkKnownGoodRequest
import io.tdev.ops.api.change.MarkKnownGoodUseCase
import io.tdev.ops.api.change.RollbackRequest
import io.tdev.ops.api.change.RollbackUseCase
import io.tdev.ops.api.change.ScaleRequest
import io.tdev.ops.api.change.ScaleUseCase
import io.tdev.ops.api.health.HealthRequest
import io.tdev.ops.api.health.HealthUseCase
import io.tdev.ops.files.FileTestReports

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
        step(harness, 'tdevPreDeployChecklist') { StepCall c ->
            SimulatedTdevOps.over(ChecklistUseCase, readingReportsIn(harness.workspace, world.context))
                    .run(checklistRequest(c))
        }
        step(harness, 'tdevEcsDeploy') { StepCall c ->
            finished(c, world.over(DeployUseCase).run(new DeployRequest(c.text('image'), c.text('container'), waits(c),
                    timeout(c), c.flag('dryRun'))))
        }
        step(harness, 'tdevRollback') { StepCall c ->
            finished(c, world.over(RollbackUseCase).run(RollbackRequest.of(c.text('target'), c.text('reason'), waits(c),
                    timeout(c), c.optionalFlag('notify') != false, c.flag('dryRun'))))
        }
        step(harness, 'tdevScale') { StepCall c ->
            finished(c, world.over(ScaleUseCase).run(ScaleRequest.of(c.text('count'), c.flag('force'), waits(c),
                    timeout(c), c.flag('dryRun'))))
        }
        step(harness, 'tdevMarkKnownGood') { StepCall c ->
            world.over(MarkKnownGoodUseCase).run(MarkKnownGoodRequest.of(c.text('revision'), c.flag('dryRun'),
                    c.flag('requireHealthy'), c.instant('baselineTime'), c.texts('ignoreAlarms') as Set))
        }
    }

    /**
     * A change step's end, as the plugin's: a change that did not finish as asked ({@code ok} false: FAILED, TIMED_OUT)
     * fails the step with the engine's message and what to run next. The step waits with the engine's own wait, on
     * the simulation's virtual clock, not as the plugin does (wait: false, then RolloutWatchUseCase's look/finish):
     * the plugin's way notifies a rollback twice (STARTED, then the outcome) where the var promises one alert; see
     * docs/shared-library.md.
     */
    static ChangeResult finished(StepCall c, ChangeResult result) {
        if (!result.ok()) {
            throw new AbortException("${c.step}: ${result.message()}. ${result.next() ?: ''}".toString())
        }
        return result
    }

    /** TdevMutationStep's {@code wait}: true unless the var says false. */
    static boolean waits(StepCall c) {
        c.optionalFlag('wait') != false
    }

    /** TdevMutationStep's {@code timeoutMinutes}; null: the environment's {@code deploy.stableTimeoutMinutes}. */
    static Duration timeout(StepCall c) {
        c.duration('timeoutMinutes', Duration.ofMinutes(1))
    }

    private static void step(PipelineHarness harness, String name, Closure call) {
        harness.bindStep(name, PARAMETERS[name], call)
    }

    static HealthRequest healthRequest(StepCall c) {
        new HealthRequest(c.instant('baselineTime'), c.texts('ignoreAlarms') as Set, c.duration('windowMinutes',
                Duration.ofMinutes(1)), c.texts('signals'), c.duration('signalTimeoutSeconds', Duration.ofSeconds(1)))
    }

    static ChecklistRequest checklistRequest(StepCall c) {
        new ChecklistRequest(c.text('image'), c.text('testReports'), c.whole('backupMaxAgeHours'), c.flag('takeBackup'),
                ChecklistRequest.scanSeverity(c.text('scanSeverity')), c.waivers('waive'), c.text('waivedBy'),
                c.texts('skip'), c.optionalFlag('notify') != false, c.text('message'), c.flag('dryRun'),
                c.duration('scanTimeoutMinutes', Duration.ofMinutes(1)))
    }

    /** {@code context} reading test reports in the build's workspace, as the plugin's WorkspaceReports does on the agent. */
    static OpsContext readingReportsIn(File workspace, OpsContext context) {
        new OpsContext(context.config(), context.ports().withTestReports(new FileTestReports(workspace.toPath())),
                context.clock(), context.sleeper(), context.progress(), context.user())
    }
}
