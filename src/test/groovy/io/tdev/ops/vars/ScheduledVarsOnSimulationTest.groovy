package io.tdev.ops.vars

import groovy.json.JsonSlurper
import io.tdev.ops.sim.Api
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource

import static org.assertj.core.api.Assertions.assertThat

/** tdevWeeklySloReport and tdevMonthlyMaintenance on the real engine over the simulated environment. */
class ScheduledVarsOnSimulationTest extends SimulatedVarTest {

    /** A harness whose tdevWeeklyReport and tdevMaintenance run the typed use cases on {@code world} ({@link ScheduledSteps}). */
    PipelineHarness scheduledHarness(PipelineMode mode, SimulatedTdevOps world) {
        attached(mode, world)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void aWeekThatMetEverySloIsGreenAndArchivesTheReport(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = scheduledHarness(mode, world)

        Outcome outcome = h.run(libraryCall('tdevWeeklySloReport', "environment: 'production', mailTo: 'team@example.com'"))

        assertThat(outcome.result).as(h.logText()).isEqualTo('SUCCESS')
        assertThat(h.archived).containsExactlyInAnyOrder('weekly-slo-report.html', 'weekly-slo-report.md',
                'weekly-slo-report.json')
        Map report = new JsonSlurper().parse(h.file('weekly-slo-report.json')) as Map
        assertThat(report.from).isEqualTo('2026-11-16')
        assertThat(h.file('weekly-slo-report.md').text).contains('| availability | >= 99.5 % |')
        assertThat(h.file('weekly-slo-report.html').text).startsWith('<!DOCTYPE html>').contains('<svg')
        assertThat(h.mails).hasSize(1)
        assertThat(h.mails[0].subject as String).contains('every SLO met')
        assertThat(h.callsOf('tdevWeeklyReport')[0].args.notifyTeam).isEqualTo(true)
        assertThat(world.sim.notifications()).hasSize(1)
        assertThat(world.sim.notifications()[0].subject()).contains('weekly SLO report 2026-11-16..2026-11-22: every SLO met')
        assertThat(h.logText()).contains("summary sent to the team's topic (message ${world.sim.notifications()[0].messageId()})")
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void theTeamsTopicGetsTheMissedSlosAndTheIncidentsWithoutAnyMail(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('slo-missed')
        PipelineHarness h = scheduledHarness(mode, world)

        Outcome outcome = h.run(libraryCall('tdevWeeklySloReport', "environment: 'production'"))

        assertThat(outcome.result).as(h.logText()).isEqualTo('UNSTABLE')
        assertThat(h.mails).isEmpty()
        assertThat(world.sim.notifications()*.subject()).singleElement().asString()
                .contains('missed availability, pipeline-p95, error-rate')
        assertThat(world.sim.notifications()[0].message()).contains('| ROLLBACK |', 'ROLLBACK_SUCCESSFUL')
        assertThat(h.file('weekly-slo-report.html').text).contains('<table id="incidents">')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void aTopicThatRefusesTheSummaryMakesTheBuildUnstable(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        world.sim.faults().denyAccess(Api.PUBLISH, 5)
        PipelineHarness h = scheduledHarness(mode, world)

        Outcome outcome = h.run(libraryCall('tdevWeeklySloReport', ''))

        assertThat(outcome.result).as(h.logText()).isEqualTo('UNSTABLE')
        assertThat(h.logText()).contains("the summary was not sent to the team's topic")
        assertThat(h.file('weekly-slo-report.md').text).contains('**Not sent**')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void notifyTeamFalsePublishesNothing(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = scheduledHarness(mode, world)

        Outcome outcome = h.run(libraryCall('tdevWeeklySloReport', 'notifyTeam: false'))

        assertThat(outcome.result).as(h.logText()).isEqualTo('SUCCESS')
        assertThat(world.sim.notifications()).isEmpty()
        assertThat(h.logText()).contains('the archived report is the only publication')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void aMissedSloIsUnstableAndTheSummarySaysWhich(PipelineMode mode) {
        PipelineHarness h = scheduledHarness(mode, SimulatedTdevOps.scenario('slo-missed'))

        Outcome outcome = h.run(libraryCall('tdevWeeklySloReport', "mailTo: 'team@example.com'"))

        assertThat(outcome.result).as(h.logText()).isEqualTo('UNSTABLE')
        assertThat(h.logText()).contains('SLOs not met: availability MISSED, pipeline-p95 MISSED, error-rate MISSED')
        assertThat(h.mails[0].subject as String).contains('error-rate MISSED')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void anUnknownParameterFailsNamingTheValidOnes(PipelineMode mode) {
        PipelineHarness h = scheduledHarness(mode, SimulatedTdevOps.scenario('healthy'))

        Outcome outcome = h.run(libraryCall('tdevWeeklySloReport', "weekEnd: '2026-11-22'"))

        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('weekEnd').contains('weekEnding')
        assertThat(h.callsOf('tdevWeeklyReport')).isEmpty()
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void maintenancePlansAsksThenAppliesWhatItPlanned(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('needs-maintenance')
        PipelineHarness h = scheduledHarness(mode, world)
        h.inputAnswer = { Map args -> 'alice' }

        Outcome outcome = h.run(libraryCall('tdevMonthlyMaintenance', "environment: 'production', approvers: 'ops-leads'"))

        assertThat(outcome.result).as(h.logText()).isEqualTo('UNSTABLE') // image findings and a stale backup
        assertThat(h.callsOf('tdevMaintenance')*.args*.dryRun).containsExactly(true, false)
        assertThat(h.inputs).hasSize(1)
        assertThat(h.inputs[0].submitter).isEqualTo('ops-leads')
        assertThat(world.sim.logRetention().values()).containsOnly(30)
        Map report = new JsonSlurper().parse(h.file('monthly-maintenance.json')) as Map
        assertThat(report.dryRun).isEqualTo(false)
        assertThat(h.file('monthly-maintenance.md').text).contains('### Monthly checklist')
        assertThat(h.archived).containsExactlyInAnyOrder('monthly-maintenance.md', 'monthly-maintenance.json')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void aRejectedApprovalAbortsWithNothingChanged(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('needs-maintenance')
        PipelineHarness h = scheduledHarness(mode, world)
        h.inputAnswer = { Map args -> throw new InputRejected('bob') }

        Outcome outcome = h.run(libraryCall('tdevMonthlyMaintenance', "tasks: ['log-retention', 'task-definitions']"))

        assertThat(outcome.result).as(outcome.message + h.logText()).isEqualTo('ABORTED')
        assertThat(world.sim.calls(Api.PUT_RETENTION_POLICY)).isZero()
        assertThat(world.sim.calls(Api.DEREGISTER_TASK_DEFINITION)).isZero()
        assertThat(h.callsOf('tdevMaintenance')).hasSize(1)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void configuredToApplyItDoesNotAsk(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = scheduledHarness(mode, world)

        Outcome outcome = h.run(libraryCall('tdevMonthlyMaintenance', "tasks: ['log-retention'], askBeforeChanges: false"))

        assertThat(outcome.result).as(h.logText()).isEqualTo('SUCCESS')
        assertThat(h.inputs).isEmpty()
        assertThat(world.sim.calls(Api.PUT_RETENTION_POLICY)).isEqualTo(4)
    }
}
