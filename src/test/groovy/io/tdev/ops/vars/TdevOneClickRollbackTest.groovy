package io.tdev.ops.vars

import io.tdev.ops.model.RemoteFailureException
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource

import static org.assertj.core.api.Assertions.assertThat

/** tdevOneClickRollback against scripted step answers, in plain and CPS mode. */
class TdevOneClickRollbackTest extends ScriptedVarTest {
    static String job(String args) {
        libraryCall('tdevOneClickRollback', args)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void showsThePlanThenAsksThenRollsBackThenChecksHealth(PipelineMode mode) {
        PipelineHarness h = harness(mode)
        h.inputAnswer = confirmedBy('alice', 'P0: 5xx after 1.4.2')

        Outcome outcome = h.run(job("target: 'previous'"))

        assertThat(outcome.result).isEqualTo('SUCCESS')
        assertThat(ops.calls*.method).containsExactly('rollback', 'rollback', 'healthCheck')
        assertThat(ops.calls[0].args).containsEntry('dryRun', true).containsEntry('target', 'previous')
        assertThat(ops.calls[1].args).doesNotContainKey('dryRun').containsEntry('target', 't-developer:41')
        assertThat(ops.calls[1].args.reason as String).isEqualTo('P0: 5xx after 1.4.2 (confirmed by alice)')
        assertThat(h.inputs[0].message as String).contains('t-developer:42', 't-developer:41')
        assertThat(h.log).contains('  would: update-service t-developer-service-production: t-developer:42 -> t-developer:41')
        assertThat(h.stages).containsExactly('Plan', 'Confirm', 'Rollback', 'Verify')
        assertThat(h.currentBuild.description as String)
                .isEqualTo('Rolled back t-developer:42 -> t-developer:41 (previous) by alice: P0: 5xx after 1.4.2; health after: HEALTHY')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void refusalAtTheConfirmationChangesNothing(PipelineMode mode) {
        PipelineHarness h = harness(mode)
        h.inputAnswer = { Map args -> throw new InputRejected('bob') }

        Outcome outcome = h.run(job(''))

        assertThat(outcome.result).isEqualTo('ABORTED')
        assertThat(ops.calls).hasSize(1)
        assertThat(ops.calls[0].args).containsEntry('dryRun', true).containsEntry('target', 'last-known-good')
        assertThat(h.currentBuild.description as String).contains('Not confirmed: nothing changed')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void revisionTargetPassesTheRevision(PipelineMode mode) {
        PipelineHarness h = harness(mode)
        h.inputAnswer = confirmedBy('alice', 'back to 40')

        Outcome outcome = h.run(job("target: 'revision', revision: 't-developer-task:40'"))

        assertThat(outcome.result).isEqualTo('SUCCESS')
        assertThat(ops.callsOf('rollback')*.args.target.unique()).containsExactly('t-developer-task:40')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void badTargetNamesTheAllowedOnesAndTouchesNothing(PipelineMode mode) {
        PipelineHarness h = harness(mode)

        Outcome wrongTarget = h.run(job("target: 'yesterday'"))
        Outcome noRevision = h.run(job("target: 'revision'"))
        Outcome wrongRevision = h.run(job("target: 'revision', revision: 'latest'"))

        assertThat(wrongTarget.message).contains("target must be one of last-known-good, previous, revision; got 'yesterday'")
        assertThat(noRevision.message).contains("with target 'revision', revision is required")
        // the form is the engine's rule, said once: only the plan's dry run was asked, and it refused
        assertThat(wrongRevision.message).contains("cannot plan a rollback to latest; nothing changed")
                .contains("got 'latest'; allowed: last-known-good (default), previous, " + io.tdev.ops.api.change.Revision.FORMS)
        assertThat(ops.calls*.args*.dryRun).containsOnly(true)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void alreadyOnTheTargetDoesNothing(PipelineMode mode) {
        ops.rollbackTo = { Map a -> [from: 't-developer:41', to: 't-developer:41', status: 'NOOP', actions: []] }
        PipelineHarness h = harness(mode)

        Outcome outcome = h.run(job(''))

        assertThat(outcome.result).isEqualTo('SUCCESS')
        assertThat(h.inputs).isEmpty()
        assertThat(ops.calls).hasSize(1)
        assertThat(h.currentBuild.description as String).contains('already runs t-developer:41')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void failedRollbackFailsTheBuildWithTheEngineMessage(PipelineMode mode) {
        ops.rollbackTo = { Map a ->
            if (a.dryRun) {
                return [from: 't-developer:42', to: 't-developer:41', status: 'PLANNED', actions: []]
            }
            throw new RemoteFailureException('UpdateService', 'timed out after 15m; service at t-developer:42 (2 running), run tdev-ops rollback again', false)
        }
        PipelineHarness h = harness(mode)
        h.inputAnswer = confirmedBy('alice', 'P0')

        Outcome outcome = h.run(job("verifyHealth: false"))

        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('FAILED', 'timed out after 15m', 'run tdev-ops rollback again')
        assertThat(h.currentBuild.description as String).startsWith('Rollback to t-developer:41 FAILED')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void stillUnhealthyAfterTheRollbackFailsAndSaysEscalate(PipelineMode mode) {
        ops.health = { Map a -> ScriptedOps.verdict('UNHEALTHY', ['running 0 of 2']) }
        PipelineHarness h = harness(mode)

        Outcome outcome = h.run(job("confirm: false, reason: 'scheduled drill'"))

        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('running 0 of 2', 'escalate')
        assertThat(h.inputs).isEmpty()
        assertThat(ops.callsOf('rollback')).hasSize(2)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void unknownParameterIsNamedWithTheValidOnes(PipelineMode mode) {
        PipelineHarness h = harness(mode)

        Outcome outcome = h.run(job("targt: 'previous'"))

        assertThat(outcome.message).startsWith('tdevOneClickRollback: unknown parameter targt; valid parameters: ')
                .contains('target', 'revision', 'reason', 'approvers')
        assertThat(ops.calls).isEmpty()
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void unansweredConfirmationTimesOutAndChangesNothing(PipelineMode mode) {
        PipelineHarness h = harness(mode)
        h.expireTimeouts = true

        Outcome outcome = h.run(job("confirmTimeoutMinutes: 10"))

        assertThat(outcome.result).isEqualTo('ABORTED')
        assertThat(h.timeouts).containsExactly([time: 10, unit: 'MINUTES'])
        assertThat(ops.calls*.args.dryRun).containsExactly(true)
    }
}
