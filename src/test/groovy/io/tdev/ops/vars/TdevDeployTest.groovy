package io.tdev.ops.vars

import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource

import static org.assertj.core.api.Assertions.assertThat

/** tdevDeploy's decisions against scripted step answers, in plain and CPS mode. */
class TdevDeployTest extends ScriptedVarTest {
    static final String IMAGE = '123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/t-developer-backend-production:1.4.2'

    static String deployJob(String args) {
        libraryCall('tdevDeploy', args)
    }

    /**
     * Health answers: HEALTHY before the deploy; during the bake DEGRADED overall with an UNHEALTHY ecs-service signal
     * and the rollout's facts ({@code rolloutFailed}, {@code circuitBreakerRolledBack}) the engine sets.
     */
    static Closure degradedDuringTheBakeByEcsService(String reason, String value, String evidence, Map facts) {
        return { Map a ->
            !a.baselineTime ? ScriptedOps.healthy() :
                    [status : 'DEGRADED', reasons: [reason], checkedAt: '2026-11-26T09:05:00Z',
                     signals: [[name: 'ecs-service', status: 'UNHEALTHY', value: value, evidence: evidence]]] + facts
        }
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void failedChecklistItemStopsTheBuildBeforeAnyDeploy(PipelineMode mode) {
        ops.checklist = { Map a ->
            ScriptedOps.checklistOf(ScriptedOps.passing().collect {
                it.name == 'backup' ? it + [status: 'FAIL', evidence: 'newest backup is 30h old'] : it
            })
        }
        PipelineHarness h = harness(mode)

        Outcome outcome = h.run(deployJob("image: '${IMAGE}'"))

        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('checklist failed', 'backup (newest backup is 30h old)', 'nothing was deployed')
        assertThat(ops.callsOf('ecsDeploy')).isEmpty()
        assertThat(h.inputs).isEmpty()
        assertThat(h.stages).containsExactly('Checklist')
        assertThat(h.junitReports).containsExactly('tdev-ops/checklist.xml')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void waivableFailureIsApprovedWithAReasonThenDeploys(PipelineMode mode) {
        ops.checklist = { Map a ->
            ScriptedOps.checklistOf(ScriptedOps.passing().collect {
                if (it.name != 'image-scan') return it
                a.waive ? it + [status: 'WAIVED', reason: a.waive['image-scan'], by: a.waivedBy]
                        : it + [status: 'FAIL', evidence: '2 HIGH findings']
            })
        }
        PipelineHarness h = harness(mode)
        h.inputAnswer = confirmedBy('alice', 'CVE not reachable, fix in 1.4.3')

        Outcome outcome = h.run(deployJob("image: '${IMAGE}', bakeMinutes: 1, pollSeconds: 30"))

        assertThat(outcome.result).isEqualTo('SUCCESS')
        Map input = h.inputs[0]
        assertThat(input.submitterParameter).isEqualTo('approver')
        assertThat(input.message).contains('image-scan (2 HIGH findings)')
        assertThat(input.parameters*.name).containsExactly('reason')
        List<Map> checklists = ops.callsOf('preDeployChecklist')
        assertThat(checklists).hasSize(2)
        assertThat(checklists[1].args.waive).isEqualTo(['image-scan': 'CVE not reachable, fix in 1.4.3'])
        assertThat(checklists[1].args.waivedBy).isEqualTo('alice')
        assertThat(ops.callsOf('ecsDeploy')*.args.image).containsExactly(IMAGE)
        assertThat(h.logText()).contains('image-scan waived by alice: CVE not reachable')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void theFirstRunOnlyChecksSoThatTheTeamIsToldOnceByThePublishedRun(PipelineMode mode) {
        ops.checklist = { Map a ->
            ScriptedOps.checklistOf(ScriptedOps.passing().collect {
                it.name == 'team-notified' && a.notify == false ? it + [status: 'FAIL', evidence: 'not notified'] : it
            })
        }
        PipelineHarness h = harness(mode)

        Outcome outcome = h.run(deployJob("image: '${IMAGE}', bakeMinutes: 1"))

        assertThat(outcome.result).isEqualTo('SUCCESS')
        assertThat(ops.callsOf('preDeployChecklist')*.args*.notify).containsExactly(false, true)
        assertThat(h.inputs).isEmpty()
        assertThat(h.junitReports).containsExactly('tdev-ops/checklist.xml')
        assertThat(h.file('tdev-ops/checklist.md').text).contains('team-notified: PASS')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void withoutTeamNotificationTheChecklistRunsOnce(PipelineMode mode) {
        PipelineHarness h = harness(mode)

        Outcome outcome = h.run(deployJob("image: '${IMAGE}', bakeMinutes: 1, notifyTeam: false"))

        assertThat(outcome.result).isEqualTo('SUCCESS')
        assertThat(ops.callsOf('preDeployChecklist')*.args*.notify).containsExactly(false)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void waiverWithoutReasonDeploysNothing(PipelineMode mode) {
        ops.checklist = { Map a ->
            ScriptedOps.checklistOf(ScriptedOps.passing().collect { it.name == 'image-scan' ? it + [status: 'FAIL'] : it })
        }
        PipelineHarness h = harness(mode)
        h.inputAnswer = confirmedBy('bob', '  ')

        Outcome outcome = h.run(deployJob("image: '${IMAGE}'"))

        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('a waiver needs a reason', 'bob')
        assertThat(ops.callsOf('ecsDeploy')).isEmpty()
        assertThat(ops.callsOf('preDeployChecklist')).hasSize(1)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void abortedWaiverDeploysNothing(PipelineMode mode) {
        ops.checklist = { Map a ->
            ScriptedOps.checklistOf(ScriptedOps.passing().collect { it.name == 'image-scan' ? it + [status: 'FAIL'] : it })
        }
        PipelineHarness h = harness(mode)
        h.inputAnswer = { Map args -> throw new InputRejected('carol') }

        Outcome outcome = h.run(deployJob("image: '${IMAGE}'"))

        assertThat(outcome.result).isEqualTo('ABORTED')
        assertThat(ops.callsOf('ecsDeploy')).isEmpty()
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void unhealthyBakeRollsBackToLastKnownGoodAndFailsWithTheReasons(PipelineMode mode) {
        int checks = 0
        ops.health = { Map a ->
            checks++
            checks < 3 ? ScriptedOps.healthy() : ScriptedOps.verdict('UNHEALTHY', ['5xx rate 12% > 2%', 'alarm t-developer-5xx in ALARM'])
        }
        PipelineHarness h = harness(mode)

        Outcome outcome = h.run(deployJob("image: '${IMAGE}', bakeMinutes: 10, pollSeconds: 60"))

        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('was UNHEALTHY after 2m of the 10 min bake', '5xx rate 12% > 2%',
                'alarm t-developer-5xx in ALARM', 'Rolled back to last-known-good: t-developer:42 -> t-developer:41 (COMPLETED)')
        Map rollback = ops.callsOf('rollback')[0].args
        assertThat(rollback.target).isEqualTo('last-known-good')
        assertThat(rollback.reason as String).contains(IMAGE, '5xx rate 12% > 2%')
        assertThat(ops.callsOf('markKnownGood')).isEmpty()
        assertThat(h.stages).containsExactly('Checklist', 'Deploy', 'Bake', 'Rollback')
        assertThat(h.currentBuild.description as String).contains('rolled back to t-developer:41')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void failedRollbackSaysWhatToRunNext(PipelineMode mode) {
        ops.health = { Map a -> a.baselineTime ? ScriptedOps.verdict('UNHEALTHY', ['running 0 of 2']) : ScriptedOps.healthy() }
        ops.rollbackTo = { Map a -> throw new io.tdev.ops.model.PreconditionFailedException('no revision is tagged tdev:known-good') }
        PipelineHarness h = harness(mode)

        Outcome outcome = h.run(deployJob("image: '${IMAGE}'"))

        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('running 0 of 2', 'rollback to last-known-good FAILED',
                'no revision is tagged tdev:known-good', 'tdevOneClickRollback')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void healthyBakeMarksTheDeployedRevisionKnownGood(PipelineMode mode) {
        PipelineHarness h = harness(mode)

        Outcome outcome = h.run(deployJob("image: '${IMAGE}', bakeMinutes: 5, pollSeconds: 120, environment: 'staging', credentialsId: 'aws-staging', roleArn: 'arn:aws:iam::123456789012:role/tdev-ops'"))

        assertThat(outcome.result).isEqualTo('SUCCESS')
        assertThat(ops.callsOf('markKnownGood')*.args.revision).containsExactly('t-developer:42')
        // the engine's one known-good rule: a HEALTHY check now, on the completed rollout, same baseline as the bake
        assertThat(ops.callsOf('markKnownGood')[0].args).containsEntry('requireHealthy', true)
                .containsEntry('baselineTime', '2026-11-26T09:00:00Z')
        // 120 s, 120 s, then the last 60 s of the 5 minutes
        assertThat(h.sleptSeconds).isEqualTo(300)
        List<Map> bakeChecks = ops.callsOf('healthCheck').findAll { it.args.baselineTime }
        assertThat(bakeChecks).hasSize(3)
        assertThat(bakeChecks*.args.baselineTime.unique()).containsExactly('2026-11-26T09:00:00Z')
        assertThat(h.stepCalls*.args.environment.unique()).containsExactly('staging')
        assertThat(h.stepCalls*.args.credentialsId.unique()).containsExactly('aws-staging')
        assertThat(h.stepCalls*.args.roleArn.unique()).containsExactly('arn:aws:iam::123456789012:role/tdev-ops')
        assertThat(h.stepCalls*.args.collect { it.keySet() }.flatten().unique()).doesNotContain('env', 'configFile', 'region')
        assertThat(h.stages).containsExactly('Checklist', 'Deploy', 'Bake')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void deploymentRolledBackByEcsCircuitBreakerFailsWithoutMarking(PipelineMode mode) {
        ops.deploy = { Map a ->
            [from   : 't-developer:41', to: 't-developer:42', status: 'FAILED', deploymentId: 'ecs-svc/2',
             message: 'deployment of t-developer:42 failed: the deployment circuit breaker rolled back to t-developer:41', actions: [],
             rolloutState: 'COMPLETED', circuitBreakerRolledBack: true]
        }
        PipelineHarness h = harness(mode)

        Outcome outcome = h.run(deployJob("image: '${IMAGE}'"))

        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('ECS rolled the deployment', 'circuit breaker')
        assertThat(ops.callsOf('markKnownGood')).isEmpty()
        assertThat(ops.callsOf('rollback')).isEmpty()
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void circuitBreakerSeenDuringTheBakeFailsTheBuild(PipelineMode mode) {
        ops.health = degradedDuringTheBakeByEcsService('deployment ecs-svc/2 rollout FAILED',
                'circuit breaker rolled back; running 2/2',
                'PRIMARY t-developer:41 COMPLETED running 2/2 (ECS deployment circuit breaker: rolling back to ecs-svc/1)',
                [rolloutState: 'COMPLETED', rolloutFailed: false, circuitBreakerRolledBack: true])
        PipelineHarness h = harness(mode)

        Outcome outcome = h.run(deployJob("image: '${IMAGE}'"))

        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('during the bake (circuit breaker)')
        assertThat(ops.callsOf('markKnownGood')).isEmpty()
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void callersDeployClosureReplacesTheEcsDeploy(PipelineMode mode) {
        PipelineHarness h = harness(mode)

        Outcome outcome = h.run(deployJob("image: 'repo:9', bakeMinutes: 1, deploy: { image -> echo \"custom deploy of \${image}\"; [from: 'td:1', to: 'td:2'] }"))

        assertThat(outcome.result).isEqualTo('SUCCESS')
        assertThat(h.log).contains('custom deploy of repo:9')
        assertThat(ops.callsOf('ecsDeploy')).isEmpty()
        assertThat(ops.callsOf('markKnownGood')*.args.revision).containsExactly('td:2')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void degradedAtTheEndOfTheBakeIsUnstableAndNotKnownGood(PipelineMode mode) {
        ops.health = { Map a -> a.baselineTime ? ScriptedOps.verdict('DEGRADED', ['p95 52 s > 45 s']) : ScriptedOps.healthy() }
        PipelineHarness h = harness(mode)

        Outcome outcome = h.run(deployJob("image: '${IMAGE}', bakeMinutes: 1"))

        assertThat(outcome.result).isEqualTo('UNSTABLE')
        assertThat(h.logText()).contains('p95 52 s > 45 s', 'not marked known-good')
        assertThat(ops.callsOf('markKnownGood')).isEmpty()
        assertThat(ops.callsOf('rollback')).isEmpty()
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void unknownParameterIsNamedWithTheValidOnes(PipelineMode mode) {
        PipelineHarness h = harness(mode)

        Outcome outcome = h.run(deployJob("image: 'repo:1', bakeMinuts: 5"))

        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(outcome.message).startsWith('tdevDeploy: unknown parameter bakeMinuts; valid parameters: ')
        assertThat(outcome.message).contains('bakeMinutes', 'image', 'pollSeconds', 'waivable', 'deploy')
        assertThat(h.stepCalls).isEmpty()
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void resourceDefaultsApplyUnlessTheJobOverridesThem(PipelineMode mode) {
        PipelineHarness h = harness(mode)

        h.run(deployJob("image: 'repo:1'"))
        long defaultBake = h.sleptSeconds
        Map checklistArgs = ops.callsOf('preDeployChecklist')[0].args
        PipelineHarness overridden = harness(mode)
        overridden.run(deployJob("image: 'repo:1', bakeMinutes: 2, scanSeverity: 'CRITICAL'"))

        assertThat(defaultBake).isEqualTo(600)            // thresholds.yaml: bakeMinutes 10
        assertThat(checklistArgs.scanSeverity).isEqualTo('HIGH')   // checklist.yaml
        assertThat(checklistArgs.backupMaxAgeHours).isEqualTo(24)
        assertThat(overridden.sleptSeconds).isEqualTo(120)
        assertThat(ops.callsOf('preDeployChecklist').last().args.scanSeverity).isEqualTo('CRITICAL')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void invalidThresholdIsRejectedBeforeAnythingRuns(PipelineMode mode) {
        PipelineHarness h = harness(mode)

        Outcome outcome = h.run(deployJob("image: 'repo:1', rollbackOn: ['BROKEN']"))

        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('rollbackOn must be a list of HEALTHY, DEGRADED, UNHEALTHY, UNKNOWN', 'BROKEN')
        assertThat(h.stepCalls).isEmpty()
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void deployThatTimedOutIsRolledBackWithoutABake(PipelineMode mode) {
        ops.deploy = { Map a ->
            [from: 't-developer:41', to: 't-developer:42', status: 'TIMED_OUT', deploymentId: 'ecs-svc/2',
             message: 'updated t-developer-service-production to t-developer:42 but it was not stable after 15m: running 1/2', actions: []]
        }
        PipelineHarness h = harness(mode)

        Outcome outcome = h.run(deployJob("image: '${IMAGE}'"))

        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('TIMED_OUT', 'not stable after 15m', 'Rolled back to last-known-good')
        assertThat(h.stages).containsExactly('Checklist', 'Deploy', 'Rollback')
        assertThat(ops.callsOf('healthCheck')).hasSize(1)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void rolloutMarkedFailedByEcsFailsTheBakeEvenWhenOnlyDegradedRollsBack(PipelineMode mode) {
        ops.health = degradedDuringTheBakeByEcsService('ecs-service UNHEALTHY: deployment of t-developer:42 FAILED',
                'deployment of t-developer:42 FAILED; running 1/2',
                'PRIMARY t-developer:42 FAILED running 0/2 (ECS deployment circuit breaker: tasks failed to start)',
                [rolloutState: 'FAILED', rolloutFailed: true, circuitBreakerRolledBack: false])
        PipelineHarness h = harness(mode)

        Outcome outcome = h.run(deployJob("image: '${IMAGE}', rollbackOn: ['UNKNOWN']"))

        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('deployment of t-developer:42 FAILED', 'Rolled back to last-known-good')
        assertThat(ops.callsOf('rollback')).hasSize(1)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void rollbackThatEndsTimedOutReportsWhereItStoppedAndWhatNext(PipelineMode mode) {
        ops.health = { Map a -> a.baselineTime ? ScriptedOps.verdict('UNHEALTHY', ['running 0 of 2']) : ScriptedOps.healthy() }
        ops.rollbackTo = { Map a ->
            [from: 't-developer:42', to: 't-developer:41', status: 'TIMED_OUT', actions: [],
             message: 'updated the service to t-developer:41 but it was not stable after 15m',
             next   : 'tdev-ops rollback --env production --target t-developer:41']
        }
        PipelineHarness h = harness(mode)

        Outcome outcome = h.run(deployJob("image: '${IMAGE}'"))

        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('rollback to last-known-good FAILED: TIMED_OUT', 'not stable after 15m',
                'next: tdev-ops rollback --env production --target t-developer:41')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void unansweredWaiverTimesOutAndDeploysNothing(PipelineMode mode) {
        ops.checklist = { Map a ->
            ScriptedOps.checklistOf(ScriptedOps.passing().collect { it.name == 'image-scan' ? it + [status: 'FAIL'] : it })
        }
        PipelineHarness h = harness(mode)
        h.expireTimeouts = true

        Outcome outcome = h.run(deployJob("image: '${IMAGE}', approvers: 'ops-leads'"))

        assertThat(outcome.result).isEqualTo('ABORTED')
        assertThat(h.timeouts).containsExactly([time: 30, unit: 'MINUTES'])
        assertThat(ops.callsOf('ecsDeploy')).isEmpty()
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void onlyTheConfiguredApproversMayWaive(PipelineMode mode) {
        ops.checklist = { Map a ->
            ScriptedOps.checklistOf(ScriptedOps.passing().collect {
                it.name != 'image-scan' ? it : (a.waive ? it + [status: 'WAIVED'] : it + [status: 'FAIL'])
            })
        }
        PipelineHarness h = harness(mode)
        h.inputAnswer = confirmedBy('lead', 'announced in the standup')

        h.run(deployJob("image: '${IMAGE}', approvers: 'ops-leads', approvalTimeoutMinutes: 5, bakeMinutes: 1"))

        assertThat(h.inputs[0].submitter).isEqualTo('ops-leads')
        assertThat(h.timeouts[0]).isEqualTo([time: 5, unit: 'MINUTES'])
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void jobMayReplaceTheThresholdsResource(PipelineMode mode) {
        ops.health = { Map a -> a.baselineTime ? ScriptedOps.verdict('UNKNOWN', ['alarms UNKNOWN: could not read']) : ScriptedOps.healthy() }
        PipelineHarness h = harness(mode)

        Outcome outcome = h.run(deployJob("image: '${IMAGE}', thresholdsResource: 'io/tdev/ops/vars/fast-thresholds.yaml'"))

        // rollbackOn from that resource includes UNKNOWN: the first bake check (after 20 s) rolls back
        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(h.sleptSeconds).isEqualTo(20L)
        assertThat(outcome.message).contains('was UNKNOWN after 0m20s of the 1 min bake')
        assertThat(ops.callsOf('rollback')).hasSize(1)
    }
}
