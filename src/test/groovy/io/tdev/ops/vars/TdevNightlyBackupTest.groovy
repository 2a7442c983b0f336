package io.tdev.ops.vars

import groovy.json.JsonSlurper
import io.tdev.ops.sim.Api
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource

import static org.assertj.core.api.Assertions.assertThat

/** tdevNightlyBackup and tdevDisasterRecovery on the real use cases over the simulated environment, plain and CPS. */
class TdevNightlyBackupTest extends SimulatedVarTest {
    static final String TABLE = 't-developer-metadata-production'

    PipelineHarness harness(PipelineMode mode, SimulatedTdevOps world) {
        attached(mode, world)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void aNightTakesAVerifiedBackupChecksDisasterRecoveryAndArchivesTheReport(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = harness(mode, world)
        int before = world.sim.backups().size()

        Outcome outcome = h.run(libraryCall('tdevNightlyBackup', "environment: 'production', today: '2026-11-26'"))

        assertThat(outcome.result).as(outcome.message + h.logText()).isEqualTo('SUCCESS')
        assertThat(h.stages).containsExactly('Backup', 'DR check', 'Report')
        assertThat(world.sim.backups()).hasSize(before + 1)
        assertThat(h.callsOf('tdevBackup')*.args.verify).containsExactly(true)
        assertThat(h.callsOf('tdevRestore')).isEmpty()
        assertThat(h.currentBuild.description as String).isEqualTo(
                'manual-backup-production-20261126-090000 AVAILABLE verified; DR check passed')
        assertThat(h.archived).contains('backup-report.md', 'backup-report.json')
        Map json = new JsonSlurper().parse(h.file('backup-report.json')) as Map
        assertThat(json.backup.verified).isEqualTo(true)
        assertThat(json.drCheck.passed).isEqualTo(true)
        assertThat(h.file('backup-report.md').text).contains('| items |', '| s3-replication | PASS |')
        assertThat(h.logText()).contains('waiting for backup manual-backup-production-20261126-090000 to be AVAILABLE')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void onTheIntegrityDayTheBackupIsRestoredIntoANewTableAndVerified(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = harness(mode, world)

        Outcome outcome = h.run(libraryCall('tdevNightlyBackup', "environment: 'production', today: '2026-12-01'"))

        assertThat(outcome.result).as(outcome.message + h.logText()).isEqualTo('SUCCESS')
        assertThat(h.stages).containsExactly('Backup', 'Integrity check', 'DR check', 'Report')
        assertThat(world.sim.tables()).contains(TABLE + '-integrity-20261201', TABLE)
        assertThat(h.callsOf('tdevRestore')*.args.backup).containsExactly(world.sim.backups()[0].arn())
        assertThat(h.currentBuild.description as String).contains('integrity verified')
        assertThat(h.logText()).contains('aws dynamodb delete-table --table-name ' + TABLE + '-integrity-20261201')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void aMissingReplicationRuleMakesTheBuildUnstable(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('missing-replication')
        PipelineHarness h = harness(mode, world)

        Outcome outcome = h.run(libraryCall('tdevNightlyBackup', "environment: 'production', today: '2026-11-26'"))

        assertThat(outcome.result).isEqualTo('UNSTABLE')
        assertThat(h.logText()).contains('s3-replication FAIL', 'no replication configuration')
        assertThat(h.currentBuild.description as String).endsWith('DR check FAILED')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void anUnknownParameterFailsBeforeAnyStepNamingTheValidOnes(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = harness(mode, world)

        Outcome outcome = h.run(libraryCall('tdevNightlyBackup', "verfy: false"))

        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('unknown parameter verfy', 'integrityCheckDay', 'verify')
        assertThat(h.stepCalls).isEmpty()
        assertThat(world.sim.calls(Api.CREATE_BACKUP)).isZero()
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void disasterRecoveryPlansAsksThenFailsOverAndSaysHowToFailBack(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('primary-unhealthy')
        PipelineHarness h = harness(mode, world)
        List<Integer> changesAtInput = []
        h.inputAnswer = { Map args ->
            changesAtInput << world.sim.calls(Api.CHANGE_RECORD_SETS)
            [approver: 'alice', reason: 'region down']
        }

        Outcome outcome = h.run(libraryCall('tdevDisasterRecovery', "environment: 'production'"))

        assertThat(outcome.result).as(outcome.message + h.logText()).isEqualTo('SUCCESS')
        assertThat(changesAtInput).containsExactly(0)
        assertThat(h.stages).containsExactly('DR check', 'Plan', 'Approve', 'Fail over')
        assertThat(h.inputs[0].message as String).contains('t-developer-alb-production.ap-northeast-2.elb.amazonaws.com',
                't-developer-alb-production-dr.us-west-2.elb.amazonaws.com', 'TTL 60', 'UNHEALTHY')
        assertThat(h.timeouts[0]).containsEntry('time', 30)
        assertThat(h.callsOf('tdevFailover')*.args.dryRun).containsExactly(true, null)
        assertThat(world.sim.calls(Api.CHANGE_RECORD_SETS)).isEqualTo(1)
        assertThat(h.currentBuild.description as String).contains('INSYNC', 'approved by alice: region down',
                'fail back: tdev-ops failover --to primary')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void aRefusedApprovalAbortsAndChangesNoRecord(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('primary-unhealthy')
        PipelineHarness h = harness(mode, world)
        h.inputAnswer = { Map args -> throw new InputRejected('bob') }

        Outcome outcome = h.run(libraryCall('tdevDisasterRecovery', "environment: 'production'"))

        assertThat(outcome.result).isEqualTo('ABORTED')
        assertThat(world.sim.calls(Api.CHANGE_RECORD_SETS)).isZero()
        assertThat(h.callsOf('tdevFailover')*.args.dryRun).containsExactly(true)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void aRecordAlreadyThereAsksNobodyAndChangesNothing(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = harness(mode, world)

        Outcome outcome = h.run(libraryCall('tdevDisasterRecovery', "environment: 'production', to: 'primary'"))

        assertThat(outcome.result).isEqualTo('SUCCESS')
        assertThat(h.inputs).isEmpty()
        assertThat(h.currentBuild.description as String).contains('already points at the primary target')
        assertThat(world.sim.calls(Api.CHANGE_RECORD_SETS)).isZero()
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void theBackupExampleRunsTheNightlyJob(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = harness(mode, world)
        int before = world.sim.backups().size()

        Outcome outcome = h.runFile('examples/Jenkinsfile.backup')

        assertThat(outcome.result).as(outcome.message + h.logText()).isEqualTo('SUCCESS')
        assertThat(world.sim.backups()).hasSize(before + 1)
        assertThat(h.callsOf('tdevBackup')*.args.credentialsId).containsExactly('tdev-ops-production')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void theDrExampleFailsOverAfterApproval(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('primary-unhealthy')
        PipelineHarness h = harness(mode, world)
        h.inputAnswer = confirmedBy('alice', 'region down')

        Outcome outcome = h.runFile('examples/Jenkinsfile.dr')

        assertThat(outcome.result).as(outcome.message + h.logText()).isEqualTo('SUCCESS')
        assertThat(h.inputs[0].submitter).isEqualTo('ops-leads')
        assertThat(world.sim.calls(Api.CHANGE_RECORD_SETS)).isEqualTo(1)
    }
}
