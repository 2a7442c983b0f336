package io.tdev.ops.vars

import io.tdev.ops.api.traffic.DbResizeRequest
import io.tdev.ops.traffic.DbResize
import io.tdev.ops.api.traffic.LoadWatchRequest
import io.tdev.ops.api.traffic.LoadWatchResult
import io.tdev.ops.traffic.LoadWatch
import io.tdev.ops.traffic.TrafficEvent
import io.tdev.ops.api.traffic.TrafficPrepareRequest
import io.tdev.ops.api.traffic.TrafficRestoreRequest

import java.time.Duration

/**
 * The traffic-event steps as the plugin binds them (Groovy 2.4 cannot call a Java interface's static method, so the use
 * cases are built directly rather than through {@code XxxUseCase.over}): TdevTrafficPrepareStep, TdevTrafficRestoreStep, TdevLoadWatchStep,
 * TdevDbResizeStep. The step's arguments become the use case's request, the result record its return value. A load
 * test's {@code k6 run} puts its virtual users on the simulation; the watch's stop file stops them, as the job's
 * wrapper around k6 does.
 */
class TrafficSteps {
    static void bind(PipelineHarness harness, SimulatedTdevOps env) {
        harness.bindOutcome('tdevTrafficPrepare') { Map a ->
            new TrafficEvent(env.context).prepare(new TrafficPrepareRequest(a.tasks as int,
                    (String) a.instanceClass, a.dryRun as boolean))
        }
        harness.bindOutcome('tdevTrafficRestore') { Map a ->
            new TrafficEvent(env.context).restore(new TrafficRestoreRequest(a.dryRun as boolean))
        }
        harness.bindOutcome('tdevDbResize') { Map a ->
            new DbResize(env.context).run(new DbResizeRequest((String) a.instanceClass,
                    a.applyImmediately as boolean, a.dryRun as boolean))
        }
        harness.bindOutcome('tdevLoadWatch') { Map a ->
            LoadWatchResult result = new LoadWatch(env.context).run(new LoadWatchRequest(
                    LoadWatchRequest.parseDuration('duration', (String) a.duration),
                    a.p95LimitSeconds as Double, a.errorRateLimitPercent as Double))
            if (a.stopFile && result.status() == LoadWatchResult.Status.STOPPED) {
                harness.file((String) a.stopFile).text = "stop: ${result.stoppedBecause()}\n"
                env.sim.stopLoadTest()
            }
            result
        }
        harness.shellHook = { String script ->
            def k6 = script =~ /k6 run --vus (\d+) --duration (\S+)/
            if (k6.find()) {
                env.sim.startLoadTest(k6.group(1) as int, LoadWatchRequest.parseDuration('duration', k6.group(2)))
            }
        }
    }
}
