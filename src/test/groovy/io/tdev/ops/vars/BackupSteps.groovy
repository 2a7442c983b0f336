package io.tdev.ops.vars

import io.tdev.ops.api.backup.BackupRequest
import io.tdev.ops.api.backup.BackupUseCase
import io.tdev.ops.api.backup.DrCheckRequest
import io.tdev.ops.api.backup.DrCheckUseCase
import io.tdev.ops.api.backup.FailoverRequest
import io.tdev.ops.api.backup.FailoverUseCase
import io.tdev.ops.api.backup.ListBackupsRequest
import io.tdev.ops.api.backup.ListBackupsUseCase
import io.tdev.ops.api.backup.RestoreRequest
import io.tdev.ops.api.backup.RestoreUseCase
import io.tdev.ops.model.InvalidInputException

/**
 * The backup steps as the plugin binds them: TdevBackupStep (a backup, or with {@code list} the latest ones),
 * TdevRestoreStep, TdevDrCheckStep, TdevFailoverStep.
 */
class BackupSteps {
    static void bind(PipelineHarness harness, SimulatedTdevOps world) {
        harness.bindStep('tdevBackup', ['verify', 'list', 'limit', 'dryRun']) { StepCall c ->
            if (!c.flag('list')) {
                return world.over(BackupUseCase).run(new BackupRequest(c.flag('verify'), c.flag('dryRun')))
            }
            if (c.flag('verify') || c.flag('dryRun')) {
                throw new InvalidInputException('list', 'lists only; drop ' + (c.flag('verify') ? 'verify' : 'dryRun'))
            }
            world.over(ListBackupsUseCase).run(new ListBackupsRequest(c.whole('limit', 20)))
        }
        harness.bindStep('tdevRestore', ['targetTable', 'backup', 'dryRun']) { StepCall c ->
            world.over(RestoreUseCase).run(new RestoreRequest(c.text('backup') ?: RestoreRequest.LATEST,
                    c.text('targetTable'), c.flag('dryRun')))
        }
        harness.bindStep('tdevDrCheck', ['sampleSize']) { StepCall c ->
            world.over(DrCheckUseCase).run(new DrCheckRequest(c.whole('sampleSize')))
        }
        harness.bindStep('tdevFailover', ['to', 'dryRun']) { StepCall c ->
            world.over(FailoverUseCase).run(new FailoverRequest(c.text('to'), c.flag('dryRun')))
        }
    }
}
