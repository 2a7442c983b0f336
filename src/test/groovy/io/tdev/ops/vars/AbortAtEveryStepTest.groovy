package io.tdev.ops.vars

import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource

import static org.assertj.core.api.Assertions.assertThat

/**
 * An abort is an abort, at whichever step it arrives: each var runs once to learn its steps, then once per step with
 * the build aborted in that step (FlowInterruptedException, modelled by {@link BuildAborted}). Every run must end
 * ABORTED with the abort's own message, never FAILURE or "ROLLBACK FAILED", and no rollback may start after it.
 */
class AbortAtEveryStepTest extends VarTest {
    static final String IMAGE = '123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/t-developer-backend-production:1.4.2'

    /** One run of {@code job} over fresh scripted answers; {@code abortAt} 0 runs it through. */
    private Map run(PipelineMode mode, String job, int abortAt, Closure script) {
        ScriptedOps ops = new ScriptedOps()
        PipelineHarness h = ops.bind(new PipelineHarness(mode, workspace))
        h.inputAnswer = confirmedBy('alice', 'P0 drill')
        script(ops)
        h.abortAtStep = abortAt
        Outcome outcome = h.run(job)
        return [h: h, ops: ops, outcome: outcome]
    }

    /** Runs {@code job} aborted at each of its steps; {@code check} gets each aborted run and the step it was aborted in. */
    private void abortAtEveryStep(PipelineMode mode, String job, String expectedClean, Closure script, Closure check) {
        Map clean = run(mode, job, 0, script)
        assertThat(clean.outcome.result).as(clean.h.logText()).isEqualTo(expectedClean)
        List<String> steps = new ArrayList<>(clean.h.steps)
        assertThat(steps).as('the var runs steps').isNotEmpty()
        for (int i = 1; i <= steps.size(); i++) {
            Map aborted = run(mode, job, i, script)
            String where = "aborted in step ${i} of ${steps}: ${steps[i - 1]}"
            assertThat(aborted.outcome.result).as(where + '\n' + aborted.h.logText()).isEqualTo('ABORTED')
            assertThat(aborted.outcome.message).as(where).startsWith('Aborted by tester')
            assertThat(aborted.h.steps.size()).as(where + ': nothing runs after the abort').isEqualTo(i)
            assertThat(String.valueOf(aborted.h.currentBuild.description)).as(where).doesNotContain('FAILED')
            check(aborted, steps[i - 1], where)
        }
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void aDeployAbortedAnywhereIsAbortedAndNeverRolledBack(PipelineMode mode) {
        abortAtEveryStep(mode, libraryCall('tdevDeploy', "image: '${IMAGE}', bakeMinutes: 1, pollSeconds: 60"), 'SUCCESS',
                { ScriptedOps ops -> }) { Map r, String step, String where ->
            assertThat(r.ops.callsOf('rollback')).as(where).isEmpty()
        }
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void aDeployWhoseBakeFailsAbortedAnywhereStartsNoRollbackAfterTheAbort(PipelineMode mode) {
        abortAtEveryStep(mode, libraryCall('tdevDeploy', "image: '${IMAGE}', bakeMinutes: 1, pollSeconds: 60"), 'FAILURE',
                { ScriptedOps ops ->
                    ops.health = { Map a -> a.baselineTime ? ScriptedOps.verdict('UNHEALTHY', ['running 0 of 2']) : ScriptedOps.healthy() }
                }) { Map r, String step, String where ->
            // only a rollback that was itself running when the abort came was started; the abort did not start one
            assertThat(r.ops.callsOf('rollback')).as(where).hasSize(step == 'tdevRollback' ? 1 : 0)
            assertThat(r.h.logText()).as(where).doesNotContain('ROLLBACK FAILED', 'FAILED: Aborted')
        }
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void aOneClickRollbackAbortedAnywhereIsAbortedNotFailed(PipelineMode mode) {
        abortAtEveryStep(mode, libraryCall('tdevOneClickRollback', "target: 'previous', verifyMinutes: 1, pollSeconds: 60"),
                'SUCCESS', { ScriptedOps ops -> }) { Map r, String step, String where ->
            List realRollbacks = r.ops.callsOf('rollback').findAll { !it.args.dryRun }
            int rollbackStepsRun = r.h.steps.count { it == 'tdevRollback' }
            // the plan (a dry run) is the first tdevRollback; a real one runs only if the abort came in it or later
            assertThat(realRollbacks).as(where).hasSize(rollbackStepsRun >= 2 ? 1 : 0)
            assertThat(r.h.logText()).as(where).doesNotContain('cannot plan', 'FAILED')
        }
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void aDailyHealthCheckAbortedAnywhereIsAborted(PipelineMode mode) {
        abortAtEveryStep(mode, libraryCall('tdevDailyHealthCheck', "environment: 'production'"), 'SUCCESS',
                { ScriptedOps ops -> }) { Map r, String step, String where ->
            assertThat(r.ops.callsOf('rollback')).as(where).isEmpty()
        }
    }
}
