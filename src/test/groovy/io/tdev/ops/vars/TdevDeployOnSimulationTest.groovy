package io.tdev.ops.vars

import io.tdev.ops.model.AlarmState
import io.tdev.ops.sim.SimBuilder
import io.tdev.ops.sim.SimEnvironment
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource

import java.time.Duration

import static org.assertj.core.api.Assertions.assertThat

/**
 * tdevDeploy end to end: the plugin steps bound to the real engine on the simulated environment (virtual time),
 * in plain and CPS mode. The simulation's revision 42 is the running, known-good one.
 */
class TdevDeployOnSimulationTest extends SimulatedVarTest {
    PipelineHarness harness(PipelineMode mode, SimulatedTdevOps world) {
        SimulatedTdevOps.passingTestReport(workspace)
        attached(mode, world)
    }

    static final Closure ALICE_WAIVES_THE_SCAN_FINDING = confirmedBy('alice', 'CVE-2026-1234 not reachable; fixed in 2.0.44')

    static String deployJob(String image, String more = '') {
        libraryCall('tdevDeploy', "environment: 'production', image: '${image}', testReports: 'reports'${more ? ', ' + more : ''}")
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void goodImageIsBakedAndMarkedKnownGood(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = harness(mode, world)

        Outcome outcome = h.run(deployJob(world.sim.imageUri('2.0.43')))

        assertThat(outcome.result).as(h.logText()).isEqualTo('SUCCESS')
        assertThat(world.revision()).isEqualTo(43)
        assertThat(world.knownGood(43)).isTrue()
        assertThat(h.sleptSeconds).isEqualTo(600)
        assertThat(h.stages).containsExactly('Checklist', 'Deploy', 'Bake')
        assertThat(h.currentBuild.description as String).contains('HEALTHY after 10 min bake', '43 marked known-good')
        assertThat(h.junitReports).containsExactly('tdev-ops/checklist.xml')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void failedChecklistItemMeansNoDeployCall(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('stale-backup')
        PipelineHarness h = harness(mode, world)

        Outcome outcome = h.run(deployJob(world.sim.imageUri('2.0.43'), 'takeBackup: false'))

        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('checklist failed', 'Failed: backup (')
        assertThat(h.callsOf('tdevEcsDeploy')).isEmpty()
        assertThat(world.sim.callLog()*.api).doesNotContain('RegisterTaskDefinition', 'UpdateService')
        assertThat(world.revision()).isEqualTo(42)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void waivedScanFindingsAreRecordedAndTheDeployProceeds(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('scan-findings')
        PipelineHarness h = harness(mode, world)
        h.inputAnswer = ALICE_WAIVES_THE_SCAN_FINDING

        Outcome outcome = h.run(deployJob(world.sim.imageUri('2.0.43')))

        assertThat(outcome.result).as(h.logText()).isEqualTo('SUCCESS')
        assertThat(h.inputs).hasSize(1)
        assertThat(h.inputs[0].message as String).contains('image-scan')
        Map waived = h.callsOf('tdevPreDeployChecklist')[1].args
        // the step's describable list (the plugin hands the engine item -> reason)
        assertThat(waived.waive).isEqualTo([[item: 'image-scan', reason: 'CVE-2026-1234 not reachable; fixed in 2.0.44']])
        assertThat(waived.waivedBy).isEqualTo('alice')
        assertThat(h.file('tdev-ops/checklist.md').text).contains('alice', 'CVE-2026-1234 not reachable')
        assertThat(world.revision()).isEqualTo(43)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void aWaiverTellsTheTeamOnceAndThePublishedChecklistShowsEveryItemWithWhoWaivedWhat(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('scan-findings')
        PipelineHarness h = harness(mode, world)
        h.inputAnswer = ALICE_WAIVES_THE_SCAN_FINDING

        Outcome outcome = h.run(deployJob(world.sim.imageUri('2.0.43')))

        assertThat(outcome.result).as(h.logText()).isEqualTo('SUCCESS')
        assertThat(world.sim.notifications()*.subject).singleElement().asString()
                .contains('pre-deploy checklist').endsWith(': ready')
        assertThat(h.callsOf('tdevPreDeployChecklist')*.args*.notify).containsExactly(false, true)
        assertThat(h.inputs[0].message as String).contains('image-scan').doesNotContain('team-notified')
        String markdown = h.file('tdev-ops/checklist.md').text
        ['tests-passed', 'image-scan', 'backup', 'rollback-plan', 'monitoring', 'team-notified'].each {
            assertThat(markdown).contains("(`${it}`)".toString())
        }
        assertThat(markdown).contains('WAIVED', 'alice', 'CVE-2026-1234 not reachable', 'message id')
        assertThat(markdown).doesNotContain('FAIL |')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void aStaleBackupIsReplacedOnceAndTheTeamIsToldOnce(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('stale-backup')
        PipelineHarness h = harness(mode, world)

        Outcome outcome = h.run(deployJob(world.sim.imageUri('2.0.43')))

        assertThat(outcome.result).as(h.logText()).isEqualTo('SUCCESS')
        assertThat(world.sim.backups()*.name.findAll { it.startsWith('tdev-ops-predeploy-') }).hasSize(1)
        assertThat(world.sim.notifications()).hasSize(1)
        assertThat(h.file('tdev-ops/checklist.md').text).contains('tdev-ops-predeploy-')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void aBlockedChecklistTellsTheTeamOnceThatItIsNotReady(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('stale-backup')
        PipelineHarness h = harness(mode, world)

        Outcome outcome = h.run(deployJob(world.sim.imageUri('2.0.43'), 'takeBackup: false'))

        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(world.sim.notifications()*.subject).singleElement().asString().endsWith('NOT ready')
        assertThat(h.file('tdev-ops/checklist.md').text).contains('published to')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void faultyImageIsCaughtByTheBakeAndRolledBackToLastKnownGood(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = harness(mode, world)

        Outcome outcome = h.run(deployJob(world.sim.imageUri('2.1.0-faulty')))

        assertThat(outcome.result).as(h.logText()).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('UNHEALTHY after', 'of the 10 min bake',
                'Rolled back to last-known-good: t-developer-backend-production:43 -> t-developer-backend-production:42')
        assertThat(h.stages).containsExactly('Checklist', 'Deploy', 'Bake', 'Rollback')
        assertThat(world.revision()).isEqualTo(42)
        assertThat(world.knownGood(43)).isFalse()
        assertThat(h.sleptSeconds).isLessThan(600L)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void crashingImageFailsTheRolloutAndIsRolledBack(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = harness(mode, world)

        Outcome outcome = h.run(deployJob(world.sim.imageUri('2.1.0-bad')))

        assertThat(outcome.result).as(h.logText()).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('tdevEcsDeploy: deployment of t-developer-backend-production:43 failed', 'tasks failed to start')
        assertThat(h.stages).containsExactly('Checklist', 'Deploy', 'Rollback')
        assertThat(h.callsOf('tdevRollback')*.args.target).containsExactly('last-known-good')
        assertThat(world.knownGood(43)).isFalse()
        assertThat(outcome.message).contains(
                'Rolled back to last-known-good: t-developer-backend-production:43 -> t-developer-backend-production:42 (COMPLETED)')
        assertThat(world.revision()).isEqualTo(42)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void rollbackByTheEcsCircuitBreakerIsNeverGreen(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('circuit-breaker')
        PipelineHarness h = harness(mode, world)

        Outcome outcome = h.run(deployJob(world.sim.imageUri('2.1.0-bad')))

        assertThat(outcome.result).as(h.logText()).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('ECS rolled the deployment', 'circuit breaker')
        assertThat(h.callsOf('tdevRollback')).isEmpty()
        assertThat(h.callsOf('tdevMarkKnownGood')).isEmpty()
        assertThat(world.revision()).isEqualTo(42)
        assertThat(world.knownGood(43)).isFalse()
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void alarmAlreadyInAlarmBeforeTheDeployDoesNotFailTheBake(PipelineMode mode) {
        SimulatedTdevOps world = new SimulatedTdevOps(SimEnvironment.builder(SimulatedTdevOps.builtIn('production'))
                .alarm('t-developer-production-redis-evictions', AlarmState.ALARM,
                        SimBuilder.DEFAULT_START.minus(Duration.ofHours(2)))
                .build())
        PipelineHarness h = harness(mode, world)

        Outcome outcome = h.run(deployJob(world.sim.imageUri('2.0.43')))

        assertThat(outcome.result).as(h.logText()).isEqualTo('SUCCESS')
        // the check before the deploy counts it; the bake, with the deploy start as baseline, does not
        assertThat(h.logText()).contains('before the deploy the service is UNHEALTHY (alarms UNHEALTHY: 1 in ALARM')
        assertThat(world.sim.alarm('t-developer-production-redis-evictions').get().state()).isEqualTo(AlarmState.ALARM)
        assertThat(world.knownGood(43)).isTrue()
    }
}
