package io.tdev.ops.vars

import io.tdev.ops.api.admin.AdminRequest
import io.tdev.ops.api.admin.AdminUseCase
import io.tdev.ops.api.security.LockdownBucketRequest
import io.tdev.ops.api.security.LockdownBucketUseCase
import io.tdev.ops.api.security.RotateSecretRequest
import io.tdev.ops.api.security.RotateSecretUseCase
import io.tdev.ops.api.security.SecurityCheckRequest
import io.tdev.ops.api.security.SecurityCheckUseCase

/**
 * The security steps as the plugin binds them: TdevSecurityCheckStep, TdevRotateSecretStep, TdevLockdownBucketStep,
 * TdevInvalidateSessionsStep (tdevEscalate is {@link IncidentSteps}').
 */
class SecuritySteps {
    static void bind(PipelineHarness harness, SimulatedTdevOps world) {
        harness.bindStep('tdevSecurityCheck', ['windowHours']) { StepCall c ->
            world.over(SecurityCheckUseCase).run(new SecurityCheckRequest(
                    c.whole('windowHours', SecurityCheckRequest.DEFAULT_WINDOW_HOURS)))
        }
        harness.bindStep('tdevRotateSecret', ['dryRun']) { StepCall c ->
            world.over(RotateSecretUseCase).run(new RotateSecretRequest(c.flag('dryRun')))
        }
        harness.bindStep('tdevLockdownBucket', ['restore', 'dryRun']) { StepCall c ->
            world.over(LockdownBucketUseCase).run(new LockdownBucketRequest(c.flag('restore'), c.flag('dryRun')))
        }
        harness.bindStep('tdevInvalidateSessions', ['reason', 'dryRun']) { StepCall c ->
            world.over(AdminUseCase).run(AdminRequest.invalidateSessions(c.text('reason'), c.flag('dryRun')))
        }
    }
}
