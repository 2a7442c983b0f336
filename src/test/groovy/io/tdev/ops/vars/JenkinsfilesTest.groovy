package io.tdev.ops.vars

import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource

import static org.assertj.core.api.Assertions.assertThat

/**
 * The Jenkinsfiles of this repository, run as Jenkins would run them: the examples load the library with
 * {@code @Library('tdev-ops') _} and drive the real engine on the simulated environment to the end.
 */
class JenkinsfilesTest extends SimulatedVarTest {
    private void file(String path, String text = 'x') {
        File f = new File(workspace, path)
        f.parentFile.mkdirs()
        f.text = text
    }

    /** A harness on {@code world} with the passing test report examples/Jenkinsfile.deploy's Tests stage leaves. */
    private PipelineHarness deployExampleOn(PipelineMode mode, SimulatedTdevOps world) {
        PipelineHarness h = attached(mode, world)
        SimulatedTdevOps.passingTestReport(workspace, 'target/surefire-reports')
        return h
    }

    private List<List> calls(PipelineHarness h, String method) {
        h.jpu.helper.callStack.findAll { it.methodName == method }.collect { it.args.toList() }
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void deployExampleTestsDeploysBakesAndMarksKnownGood(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = deployExampleOn(mode, world)
        h.params.IMAGE = world.sim.imageUri('2.0.43')
        h.params.ENVIRONMENT = 'production'

        Outcome outcome = h.runFile('examples/Jenkinsfile.deploy')

        assertThat(outcome.result).as(h.logText()).isEqualTo('SUCCESS')
        assertThat(h.shell).containsExactly('./mvnw -B verify')
        assertThat(h.stages).containsExactly('Tests', 'Checklist', 'Deploy', 'Bake')
        assertThat(h.stepCalls*.args.credentialsId.unique()).containsExactly('tdev-ops-production')
        assertThat(world.revision()).isEqualTo(43)
        assertThat(world.knownGood(43)).isTrue()
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void deployExampleWithoutAnImageDeploysNothing(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = deployExampleOn(mode, world)

        Outcome outcome = h.runFile('examples/Jenkinsfile.deploy')

        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('image is required')
        assertThat(h.stepCalls).isEmpty()
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void rollbackExampleRollsTheFaultyReleaseBackAfterConfirmation(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('faulty-deploy')
        PipelineHarness h = attached(mode, world)
        h.inputAnswer = confirmedBy('oncall', 'error rate 40% since 2.1.0')

        Outcome outcome = h.runFile('examples/Jenkinsfile.rollback')

        assertThat(outcome.result).as(h.logText()).isEqualTo('SUCCESS')
        assertThat(h.params).containsEntry('ENVIRONMENT', 'production').containsEntry('TARGET', 'last-known-good')
        assertThat(world.revision()).isEqualTo(42)
        assertThat(h.currentBuild.description as String).contains('by oncall: error rate 40% since 2.1.0', 'health after: HEALTHY')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void dailyExampleRunsAt9AndReportsTheVerdict(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('alarm-storm')
        PipelineHarness h = attached(mode, world)
        h.env.TDEV_OPS_ONCALL_MAIL = 'oncall@example.com'

        Outcome outcome = h.runFile('examples/Jenkinsfile.daily')

        assertThat(calls(h, 'cron')).containsExactly(['H 9 * * *'])
        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(h.archived).containsExactlyInAnyOrder('health-report.md', 'health-report.json')
        assertThat(h.mails*.to).containsExactly('oncall@example.com')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void fleetExampleChecksItsServicesInOneRunAndFailsOnTheUnhealthyOne(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('fleet')
        PipelineHarness h = attached(mode, world)
        h.env.TDEV_OPS_ONCALL_MAIL = 'oncall@example.com'

        Outcome outcome = h.runFile('examples/Jenkinsfile.fleet')

        assertThat(calls(h, 'cron')).containsExactly(['H 9 * * *'])
        assertThat(h.callsOf('tdevFleetHealth')).hasSize(1)
        // svc-0008 has an alarm in ALARM and an unhealthy target
        assertThat(outcome.result).as(h.logText()).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('UNHEALTHY: 1 of 6 services not HEALTHY')
        assertThat(h.archived).containsExactlyInAnyOrder('fleet-health.md', 'fleet-health.json')
        assertThat(h.mails*.to).containsExactly('oncall@example.com')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void dailyExampleOnAHealthyServiceIsGreen(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = attached(mode, world)

        Outcome outcome = h.runFile('examples/Jenkinsfile.daily')

        assertThat(outcome.result).as(h.logText()).isEqualTo('SUCCESS')
        assertThat(h.mails).isEmpty()
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void incidentExampleDiagnosesTheOutageAndRollsBackWhatTheApproverApproves(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('outage-after-deploy')
        PipelineHarness h = attached(mode, world)
        h.params.LEVEL = 'P0'
        h.inputAnswer = confirmedBy('oncall', null)

        Outcome outcome = h.runFile('examples/Jenkinsfile.incident')

        assertThat(outcome.result).as(h.logText()).isEqualTo('SUCCESS')
        assertThat(h.params).containsEntry('AGENT', '').containsEntry('REMEDIES', 'all')
        assertThat(calls(h, 'node')*.get(0)).containsExactly('tdev-ops')
        assertThat(h.callsOf('tdevIncident')*.args.credentialsId.unique()).containsExactly('tdev-ops-production')
        assertThat(h.inputs*.ok).containsExactly('Apply rollback')
        assertThat(world.revision()).isEqualTo(42)
        assertThat(h.archived).contains('incident.md', 'incident.json')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void projectPipelineBuildsTheEngineThenThePlugin(PipelineMode mode) {
        PipelineHarness h = new PipelineHarness(mode, workspace)
        file('target/surefire-reports/TEST-io.tdev.ops.AnyTest.xml', '<testsuite name="t" tests="1"><testcase name="a"/></testsuite>')
        file('target/tdev-ops.jar')
        file('jenkins-plugin/target/tdev-ops.hpi')

        Outcome outcome = h.runFile('Jenkinsfile')

        assertThat(outcome.result).as(h.logText()).isEqualTo('SUCCESS')
        assertThat(h.stages).containsExactly('Engine', 'Plugin')
        assertThat(h.shell).containsExactly('./mvnw -B verify', './mvnw -B -DskipTests install',
                './mvnw -B -f jenkins-plugin/pom.xml verify')
        assertThat(h.junitReports).containsExactly('target/surefire-reports/TEST-io.tdev.ops.AnyTest.xml')
        assertThat(h.archived).containsExactly('target/tdev-ops.jar', 'jenkins-plugin/target/tdev-ops.hpi')
        // JDK 21 for the plugin: its Jenkins baseline 2.555.x requires it (maven-hpi-plugin refuses less)
        assertThat(calls(h, 'node')*.get(0)).containsExactly('java17', 'java21 && jenkins-repo')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void weeklyExampleRunsOnMondayAt9AndGoesUnstableOnAMissedSlo(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('slo-missed')
        PipelineHarness h = attached(mode, world)
        h.env.TDEV_OPS_TEAM_MAIL = 'team@example.com'

        Outcome outcome = h.runFile('examples/Jenkinsfile.weekly')

        // minute 0, hour 9, any day of month, any month, Monday
        assertThat(calls(h, 'cron')).containsExactly(['0 9 * * 1'])
        assertThat(outcome.result).as(h.logText()).isEqualTo('UNSTABLE')
        assertThat(h.stepCalls*.args.credentialsId.unique()).containsExactly('tdev-ops-production')
        assertThat(h.archived).containsExactlyInAnyOrder('weekly-slo-report.html', 'weekly-slo-report.md',
                'weekly-slo-report.json')
        assertThat(world.sim.notifications()*.subject()).singleElement().asString().endsWith('missed availability, pipeline-p95, error-rate')
        assertThat(h.mails*.to).containsExactly('team@example.com')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void weeklyExampleOnAGoodWeekIsGreen(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = attached(mode, world)

        Outcome outcome = h.runFile('examples/Jenkinsfile.weekly')

        assertThat(outcome.result).as(h.logText()).isEqualTo('SUCCESS')
        assertThat(world.sim.notifications()*.subject()).singleElement().asString().contains('every SLO met')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void monthlyExampleOnTheFirstMondayPlansAsksAndApplies(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('needs-maintenance')
        PipelineHarness h = attached(mode, world)
        h.inputAnswer = { Map args -> 'alice' }

        Outcome outcome = h.runFile('examples/Jenkinsfile.monthly')

        // 09:00 on days 1-7; the job itself goes on only when that day is a Monday
        assertThat(calls(h, 'cron')).containsExactly(['0 9 1-7 * *'])
        assertThat(outcome.result).as(h.logText()).isEqualTo('UNSTABLE') // image findings and a stale backup
        assertThat(h.callsOf('tdevMaintenance')*.args*.dryRun).containsExactly(true, false)
        assertThat(h.inputs*.submitter).containsExactly('ops-leads')
        assertThat(world.sim.logRetention().values()).containsOnly(30)
        assertThat(h.archived).containsExactlyInAnyOrder('monthly-maintenance.md', 'monthly-maintenance.json')
    }

    private static final String TIMER = 'hudson.triggers.TimerTrigger$TimerTriggerCause'

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void monthlyExampleStartedByItsTimerOnAnotherDayThanMondayDoesNothing(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('needs-maintenance')
        PipelineHarness h = attached(mode, world)
        h.buildCauses << TIMER
        h.currentBuild.startTimeInMillis = Date.parse("yyyy-MM-dd'T'HH:mm:ssX", '2026-12-02T09:00:00Z').time // a Wednesday

        Outcome outcome = h.runFile('examples/Jenkinsfile.monthly')

        assertThat(outcome.result).as(h.logText()).isEqualTo('SUCCESS')
        assertThat(h.logText()).contains('Not the first Monday of the month: nothing to do')
        assertThat(h.callsOf('tdevMaintenance')).isEmpty()
        assertThat(world.sim.logRetention().values()).doesNotContain(30)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void monthlyExampleStartedByItsTimerOnTheFirstMondayRuns(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('needs-maintenance')
        PipelineHarness h = attached(mode, world)
        h.buildCauses << TIMER
        h.inputAnswer = { Map args -> 'alice' }

        Outcome outcome = h.runFile('examples/Jenkinsfile.monthly')

        assertThat(outcome.result).as(h.logText()).isEqualTo('UNSTABLE')
        assertThat(h.callsOf('tdevMaintenance')*.args*.dryRun).containsExactly(true, false)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void monthlyExampleStartedByHandOnAnotherDayRuns(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('needs-maintenance')
        PipelineHarness h = attached(mode, world)
        h.currentBuild.startTimeInMillis = Date.parse("yyyy-MM-dd'T'HH:mm:ssX", '2026-12-02T09:00:00Z').time
        h.inputAnswer = { Map args -> 'alice' }

        Outcome outcome = h.runFile('examples/Jenkinsfile.monthly')

        assertThat(outcome.result).as(h.logText()).isEqualTo('UNSTABLE')
        assertThat(h.callsOf('tdevMaintenance')).hasSize(2)
    }
}
