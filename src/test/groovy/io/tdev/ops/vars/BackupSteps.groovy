package io.tdev.ops.vars

import io.tdev.ops.api.OpsContext
import io.tdev.ops.api.PlainValues
import io.tdev.ops.api.backup.BackupRequest
import io.tdev.ops.api.backup.DrCheckRequest
import io.tdev.ops.api.backup.FailoverRequest
import io.tdev.ops.api.backup.ListBackupsRequest
import io.tdev.ops.api.backup.RestoreRequest
import io.tdev.ops.backup.DrCheck
import io.tdev.ops.backup.Failover
import io.tdev.ops.backup.ListBackups
import io.tdev.ops.backup.RestoreBackup
import io.tdev.ops.backup.TakeBackup
import io.tdev.ops.model.TdevException
import io.tdev.ops.api.Progress

/**
 * The plugin's typed backup steps (tdevBackup, tdevRestore, tdevDrCheck, tdevFailover) bound to the real use cases (Groovy 2.4 cannot call an interface's static {@code over}) on
 * a simulated world, the way the plugin runs them: the request from the step's arguments, the record's plain values
 * back ({@link PlainValues}), an engine failure as the step's AbortException.
 */
class BackupSteps {
    static final List<String> STEPS = ['tdevBackup', 'tdevRestore', 'tdevDrCheck', 'tdevFailover']

    static PipelineHarness bind(PipelineHarness h, SimulatedTdevOps world) {
        Progress toLog = { String line -> h.log << line } as Progress
        OpsContext ctx = new OpsContext(world.config, world.sim.ports(), world.sim.clock(), world.sim.sleeper(), toLog, 'jenkins')
        Map<String, Closure> calls = [
                tdevBackup  : { Map a ->
                    a.list ? new ListBackups(ctx).run(new ListBackupsRequest((a.limit ?: 20) as int))
                            : new TakeBackup(ctx).run(new BackupRequest(a.verify as boolean, a.dryRun as boolean))
                },
                tdevRestore : { Map a ->
                    new RestoreBackup(ctx).run(new RestoreRequest((String) (a.backup ?: 'latest'), (String) a.targetTable,
                            a.dryRun as boolean))
                },
                tdevDrCheck : { Map a -> new DrCheck(ctx).run(new DrCheckRequest((Integer) a.sampleSize)) },
                tdevFailover: { Map a -> new Failover(ctx).run(new FailoverRequest((String) a.to, a.dryRun as boolean)) },
        ]
        calls.each { String step, Closure call ->
            h.jpu.helper.registerAllowedMethod(step, [Map]) { Map given ->
                Map args = given.collectEntries { k, v -> [(k.toString()): v instanceof CharSequence ? v.toString() : v] }
                h.stepCalls << [step: step, args: args]
                h.steps << step
                if (args.environment != null && args.environment != world.config.name()) {
                    throw new AbortException("${step}: environment '${args.environment}' is not the one under test")
                }
                try {
                    return PlainValues.map((Record) call(args))
                } catch (TdevException e) {
                    throw new AbortException(e.message)
                }
            }
        }
        return h
    }
}
