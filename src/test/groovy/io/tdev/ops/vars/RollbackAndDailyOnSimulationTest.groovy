package io.tdev.ops.vars

import groovy.json.JsonSlurper
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource

import static org.assertj.core.api.Assertions.assertThat

/** tdevOneClickRollback and tdevDailyHealthCheck on the real engine over the simulated environment. */
class RollbackAndDailyOnSimulationTest extends SimulatedVarTest {
    static final String DAILY_CHECK = libraryCall('tdevDailyHealthCheck', "environment: 'production', mailTo: 'ops@example.com'")
    static final String ROLLBACK_TO_LAST_KNOWN_GOOD = libraryCall('tdevOneClickRollback', "environment: 'production'")

    static final List<String> MUTATIONS = ['RegisterTaskDefinition', 'UpdateService', 'StopServiceDeployment', 'Publish',
                                           'TagResource', 'UntagResource']

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void rollbackShowsThePlanAsksThenRollsBackAndChecksHealth(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = attached(mode, world)
        int notificationsBefore = world.sim.notifications().size()
        List<String> revisionAtInput = []
        h.inputAnswer = { Map args ->
            revisionAtInput << String.valueOf(world.revision())
            [approver: 'alice', reason: 'P0 drill']
        }

        Outcome outcome = h.run(libraryCall('tdevOneClickRollback', "environment: 'production', target: 'previous'"))

        assertThat(outcome.result).as(h.logText()).isEqualTo('SUCCESS')
        assertThat(revisionAtInput).containsExactly('42')          // the dry run changed nothing
        assertThat(h.inputs[0].message as String).contains('t-developer-backend-production:42', 't-developer-backend-production:41')
        assertThat(world.revision()).isEqualTo(41)
        assertThat(world.sim.notifications().size()).isEqualTo(notificationsBefore + 1)
        assertThat(h.stages).containsExactly('Plan', 'Confirm', 'Rollback', 'Verify')
        assertThat(h.currentBuild.description as String).startsWith(
                'Rolled back t-developer-backend-production:42 -> t-developer-backend-production:41 (previous) by alice: P0 drill; health after: ')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void refusalAtTheConfirmationChangesNothing(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('faulty-deploy')
        PipelineHarness h = attached(mode, world)
        h.inputAnswer = { Map args -> throw new InputRejected('bob') }
        List<String> deploymentsBefore = world.sim.deployments()*.id

        Outcome outcome = h.run(ROLLBACK_TO_LAST_KNOWN_GOOD)

        assertThat(outcome.result).as(outcome.message + h.logText()).isEqualTo('ABORTED')
        assertThat(h.inputs[0].message as String).contains('t-developer-backend-production:43', 't-developer-backend-production:42')
        assertThat(world.sim.deployments()*.id).isEqualTo(deploymentsBefore)
        assertThat(world.revision()).isEqualTo(43)
        assertThat(world.sim.callLog()*.api).doesNotContainAnyElementsOf(MUTATIONS)
        assertThat(world.sim.notifications()).isEmpty()
        assertThat(h.callsOf('tdevRollback')*.args.dryRun).containsExactly(true)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void dailyCheckOfTheAlarmStormArchivesReportsAndIsNotGreen(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('alarm-storm')
        PipelineHarness h = attached(mode, world)

        Outcome outcome = h.run(DAILY_CHECK)

        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('UNHEALTHY', 'in ALARM')
        Map json = new JsonSlurper().parse(h.file('health-report.json')) as Map
        assertThat(json.status).isEqualTo('UNHEALTHY')
        assertThat(json.signals*.name).contains('ecs-service', 'alarms', 'error-logs', 's3-usage', 'projects-yesterday')
        assertThat(h.file('health-report.md').text).contains('UNHEALTHY')
        assertThat(h.archived).containsExactlyInAnyOrder('health-report.md', 'health-report.json')
        assertThat(h.mails*.subject.collect { it.toString() }).containsExactly('[tdev-ops] production daily health check: UNHEALTHY')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void dailyCheckOfAHealthyServiceIsGreenAndQuiet(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = attached(mode, world)

        Outcome outcome = h.run(DAILY_CHECK)

        assertThat(outcome.result).as(h.logText()).isEqualTo('SUCCESS')
        assertThat(h.mails).isEmpty()
        assertThat(h.currentBuild.description as String).isEqualTo('HEALTHY')
        // a whole day of background errors, against the hourly thresholds scaled x24
        assertThat(h.callsOf('tdevHealthCheck')*.args.windowMinutes).containsExactly(1440)
        Map errorLogs = (new JsonSlurper().parse(h.file('health-report.json')) as Map).signals.find { it.name == 'error-logs' } as Map
        assertThat(errorLogs.status).isEqualTo('HEALTHY')
        assertThat(errorLogs.value as String).endsWith('ERROR events in 24h')
        assertThat(errorLogs.threshold as String).startsWith('DEGRADED at 240, UNHEALTHY at 1200').contains('x24 for the 24h window')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void dailyCheckOfADayWithAFaultyReleaseIsNotGreen(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('faulty-deploy')
        world.sim.advance(java.time.Duration.ofMinutes(30))
        PipelineHarness h = attached(mode, world)

        Outcome outcome = h.run(DAILY_CHECK)

        assertThat(outcome.result).as(h.logText()).isIn('UNSTABLE', 'FAILURE')
        Map json = new JsonSlurper().parse(h.file('health-report.json')) as Map
        Map errorLogs = json.signals.find { it.name == 'error-logs' } as Map
        assertThat(errorLogs.status).as(errorLogs.value as String).isIn('DEGRADED', 'UNHEALTHY')
        assertThat(h.mails).hasSize(1)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void rollbackOfADeployInProgressToLastKnownGood(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('faulty-deploy')
        PipelineHarness h = attached(mode, world)
        h.inputAnswer = confirmedBy('alice', 'error rate 40% after 2.1.0')

        Outcome outcome = h.run(ROLLBACK_TO_LAST_KNOWN_GOOD)

        assertThat(outcome.result).as(h.logText()).isEqualTo('SUCCESS')
        assertThat(world.revision()).isEqualTo(42)
        // the error-rate alarm, fed by the faulty revision's last minutes, flips after the rollback and recovers later
        List<Map> checks = h.callsOf('tdevHealthCheck')*.args
        assertThat(checks.size()).isGreaterThan(1)
        assertThat(checks*.baselineTime.unique()).hasSize(1)
        assertThat(h.logText()).contains('after the rollback the service is UNHEALTHY', 'after the rollback the service is HEALTHY')
        assertThat(h.currentBuild.description as String).endsWith('health after: HEALTHY')
        // the confirmed plan's revision, not whatever last-known-good means by then
        assertThat(h.callsOf('tdevRollback')*.args.target).containsExactly('last-known-good', 't-developer-backend-production:42')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void noKnownGoodRevisionFailsAtThePlanAndChangesNothing(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = attached(mode, world)

        Outcome outcome = h.run(ROLLBACK_TO_LAST_KNOWN_GOOD)

        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('cannot plan a rollback to last-known-good; nothing changed', 'tagged tdev:known-good')
        assertThat(h.inputs).isEmpty()
        assertThat(world.sim.callLog()*.api).doesNotContainAnyElementsOf(MUTATIONS)
    }
}
