package io.tdev.ops.vars

import groovy.json.JsonSlurper
import io.tdev.ops.api.OpsContext
import io.tdev.ops.api.PlainValues
import io.tdev.ops.api.maintenance.MaintenanceRequest
import io.tdev.ops.api.weekly.WeeklyReportRequest
import io.tdev.ops.maintenance.MonthlyMaintenance
import io.tdev.ops.model.TdevException
import io.tdev.ops.api.Progress
import io.tdev.ops.sim.Api
import io.tdev.ops.weekly.WeeklyReport
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource

import static org.assertj.core.api.Assertions.assertThat

/** tdevWeeklySloReport and tdevMonthlyMaintenance on the real engine over the simulated environment. */
class ScheduledVarsOnSimulationTest extends SimulatedVarTest {

    /**
     * A harness whose tdevWeeklyReport and tdevMaintenance run the typed use cases on {@code world} and return their
     * plain values, as the plugin's steps do. The implementations are built directly: Groovy 2.4 cannot call a static
     * method of an interface (the use cases' {@code over}).
     */
    PipelineHarness scheduledHarness(PipelineMode mode, SimulatedTdevOps world) {
        PipelineHarness h = attached(mode, world)
        OpsContext c = new OpsContext(world.config, world.sim.ports(), world.sim.clock(), world.sim.sleeper(),
                { String line -> h.log << line } as Progress, 'jenkins')
        Map<String, Closure> typed = [
                tdevWeeklyReport: { Map a -> new WeeklyReport(c).run(WeeklyReportRequest.weekEnding(a.weekEnding as String)) },
                tdevMaintenance : { Map a ->
                    new MonthlyMaintenance(c).run(new MaintenanceRequest(a.tasks as List, a.dryRun as boolean, null, null,
                            null, a.applyLifecycle as boolean))
                },
        ]
        typed.each { String name, Closure call ->
            h.jpu.helper.registerAllowedMethod(name, [Map]) { Map given ->
                h.steps << name
                h.stepCalls << [step: name, args: given]
                try {
                    return PlainValues.of(call(given))
                } catch (TdevException e) {
                    throw new AbortException(e.message)
                }
            }
        }
        return h
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void aWeekThatMetEverySloIsGreenAndArchivesTheReport(PipelineMode mode) {
        PipelineHarness h = scheduledHarness(mode, SimulatedTdevOps.scenario('healthy'))

        Outcome outcome = h.run(libraryCall('tdevWeeklySloReport', "environment: 'production', mailTo: 'team@example.com'"))

        assertThat(outcome.result).as(h.logText()).isEqualTo('SUCCESS')
        assertThat(h.archived).containsExactlyInAnyOrder('weekly-slo-report.md', 'weekly-slo-report.json')
        Map report = new JsonSlurper().parse(h.file('weekly-slo-report.json')) as Map
        assertThat(report.from).isEqualTo('2026-11-16')
        assertThat(h.file('weekly-slo-report.md').text).contains('| availability | >= 99.5 % |')
        assertThat(h.mails).hasSize(1)
        assertThat(h.mails[0].subject as String).contains('every SLO met')
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
