package io.tdev.ops.vars

import io.tdev.ops.api.traffic.DbResizeRequest
import io.tdev.ops.api.traffic.DbResizeUseCase
import io.tdev.ops.api.traffic.LoadWatchRequest
import io.tdev.ops.api.traffic.LoadWatchResult
import io.tdev.ops.api.traffic.LoadWatchUseCase
import io.tdev.ops.api.traffic.TrafficEventUseCase
import io.tdev.ops.api.traffic.TrafficPrepareRequest
import io.tdev.ops.api.traffic.TrafficRestoreRequest

/**
 * The traffic-event steps as the plugin binds them: TdevTrafficPrepareStep, TdevTrafficRestoreStep, TdevLoadWatchStep,
 * TdevDbResizeStep. A load test's {@code k6 run} puts its virtual users on the simulation; the watch's stop file stops
 * them, as the job's wrapper around k6 does.
 */
class TrafficSteps {
    static void bind(PipelineHarness harness, SimulatedTdevOps world) {
        harness.bindStep('tdevTrafficPrepare', ['tasks', 'instanceClass', 'dryRun']) { StepCall c ->
            world.over(TrafficEventUseCase).prepare(new TrafficPrepareRequest(c.requiredWhole('tasks'),
                    c.text('instanceClass'), c.flag('dryRun')))
        }
        harness.bindStep('tdevTrafficRestore', ['dryRun']) { StepCall c ->
            world.over(TrafficEventUseCase).restore(new TrafficRestoreRequest(c.flag('dryRun')))
        }
        harness.bindStep('tdevDbResize', ['instanceClass', 'applyImmediately', 'dryRun']) { StepCall c ->
            world.over(DbResizeUseCase).run(new DbResizeRequest(c.text('instanceClass'), c.flag('applyImmediately'),
                    c.flag('dryRun')))
        }
        harness.bindStep('tdevLoadWatch', ['duration', 'p95LimitSeconds', 'errorRateLimitPercent', 'stopFile']) { StepCall c ->
            LoadWatchResult result = world.over(LoadWatchUseCase).run(new LoadWatchRequest(
                    LoadWatchRequest.parseDuration('duration', c.text('duration')), c.number('p95LimitSeconds'),
                    c.number('errorRateLimitPercent')))
            String stopFile = c.text('stopFile')
            if (stopFile && result.status() == LoadWatchResult.Status.STOPPED) {
                harness.file(stopFile).text = "stop: ${result.stoppedBecause()}\n"
                world.sim.stopLoadTest()
            }
            result
        }
        harness.shellHook = { String script ->
            def k6 = script =~ /k6 run --vus (\d+) --duration (\S+)/
            if (k6.find()) {
                world.sim.startLoadTest(k6.group(1) as int, LoadWatchRequest.parseDuration('duration', k6.group(2)))
            }
        }
    }
}
