package io.tdev.ops.vars

import groovy.json.JsonSlurper
import io.tdev.ops.sim.Api
import io.tdev.ops.sim.SimNotification
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource

import java.time.Duration
import java.time.Instant

import static org.assertj.core.api.Assertions.assertThat

/** tdevIncidentResponse on the real engine over the simulated environment: the runbook's playbooks end to end. */
class TdevIncidentResponseOnSimulationTest extends SimulatedVarTest {
    /** The calls that change the world: none of them may happen without an approval. */
    static final List<String> CHANGES = [Api.UPDATE_SERVICE, Api.REGISTER_SCALABLE_TARGET, Api.ADMIN_CLEAR_CACHE,
                                         Api.ADMIN_RESTART_AGENT, Api.REGISTER_TASK_DEFINITION, Api.TAG_RESOURCE]

    private static Map state(SimulatedTdevOps world) {
        [revision  : world.revision(), desired: world.sim.desiredCount(), restarted: world.sim.restartedAgents(),
         cacheStale: world.sim.cacheStale(), failing: world.sim.failingAgents() as List,
         changes   : CHANGES.collectEntries { [(it): world.sim.calls(it)] }]
    }

    private static List<SimNotification> toldAbout(SimulatedTdevOps world, String level) {
        world.sim.notifications().findAll { it.subject().contains(" ${level} ") }
    }

    /** A run of the var on {@code scenario} where alice approves every remedy; it must end SUCCESS. */
    private Map approvedRun(PipelineMode mode, String scenario, String args) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario(scenario)
        PipelineHarness h = attached(mode, world)
        h.inputAnswer = confirmedBy('alice', null)
        Outcome outcome = h.run(libraryCall('tdevIncidentResponse', args))
        assertThat(outcome.result).as(h.logText()).isEqualTo('SUCCESS')
        return [world: world, h: h]
    }

    private Map record() {
        (Map) new JsonSlurper().parse(workspace.toPath().resolve('incident.json').toFile())
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void p0AfterABadDeployProposesTheRollbackWithItsEvidenceAndApprovedRollsBack(PipelineMode mode) {
        Map run = approvedRun(mode, 'outage-after-deploy', "environment: 'production', level: 'P0'")
        SimulatedTdevOps world = run.world
        PipelineHarness h = run.h

        assertThat(h.inputs).hasSize(1)
        assertThat(h.inputs[0].message as String).contains('apply rollback?', 'deploy-before-outage',
                't-developer-backend-production:43 deployed 40 min ago', 'target-health', '0/3 healthy',
                'tdev-ops rollback --env production --target last-known-good')
        assertThat(h.inputs[0].ok).isEqualTo('Apply rollback')
        assertThat(world.revision()).isEqualTo(42)
        assertThat(h.stages).containsExactly('Diagnose', 'Approve rollback', 'Apply')
        assertThat(h.archived).containsExactly('incident-diagnosis.md', 'incident.md', 'incident.json')
        Map r = record()
        assertThat(r.status).isEqualTo('REMEDIATED')
        assertThat(r.applied*.remedy).containsExactly('rollback')
        assertThat(r.approvals).containsExactly([remedy: 'rollback', decision: 'approved', by: 'alice'])
        assertThat(r.markdown as String).contains('# Incident report: P0 on production (REMEDIATED)', '## In Jenkins')
        // told once, at once, by the diagnosis: the apply run does not page the same people again
        assertThat(toldAbout(world, 'P0')).hasSize(1)
        assertThat(r.escalation*.status).containsExactly('NOTIFIED')
        assertThat(h.currentBuild.description as String).contains('rollback approved by alice',
                'rollback COMPLETED', 'devops-lead, ops-channel NOTIFIED')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void p0FromTrafficProposesScaleToTenNotARollback(PipelineMode mode) {
        Map run = approvedRun(mode, 'traffic-spike', "level: 'P0'")
        SimulatedTdevOps world = run.world
        PipelineHarness h = run.h

        assertThat(h.inputs*.ok).containsExactly('Apply scale')
        assertThat(h.inputs[0].message as String).contains('traffic, not a release', 'P0 preset (10 tasks)',
                'traffic: 4.8x the usual')
        assertThat(world.sim.desiredCount()).isEqualTo(10)
        assertThat(world.revision()).isEqualTo(42)
        assertThat(world.sim.calls(Api.REGISTER_TASK_DEFINITION)).isZero()
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void p1WithASlowAgentNamesItInTheApprovalAndTheDescription(PipelineMode mode) {
        Map run = approvedRun(mode, 'slow-agent', "level: 'P1', followUp: false")
        SimulatedTdevOps world = run.world
        PipelineHarness h = run.h

        assertThat(h.inputs*.ok).containsExactly('Apply clear-cache', 'Apply scale')
        assertThat(h.inputs[0].message as String).contains('agents over the 10 s SLO: generation',
                'slow-agent:generation: p95 18.8 s')
        assertThat(h.currentBuild.description as String).contains('slow-agent:generation (p95 18.8 s)')
        assertThat(world.sim.calls(Api.ADMIN_CLEAR_CACHE)).isEqualTo(1)
        assertThat(world.sim.desiredCount()).isEqualTo(5)
        assertThat(record().status).isEqualTo('REMEDIATED')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void p2RestartsOnlyTheFailingAgent(PipelineMode mode) {
        Map run = approvedRun(mode, 'failing-agent', "level: 'P2'")
        SimulatedTdevOps world = run.world
        PipelineHarness h = run.h

        assertThat(h.inputs[0].message as String).contains('failing-agent: search', '--agent search')
        assertThat(world.sim.restartedAgents()).containsExactly('search')
        assertThat(world.sim.failingAgents()).isEmpty()
        assertThat(world.sim.calls(Api.UPDATE_SERVICE)).isZero()
        assertThat(world.sim.calls(Api.ADMIN_CLEAR_CACHE)).isZero()
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void aDeclinedApprovalChangesNothingAndEndsAbortedNotFailed(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('outage-after-deploy')
        PipelineHarness h = attached(mode, world)
        h.inputAnswer = { Map args -> throw new InputRejected('bob') }
        Map before = state(world)

        Outcome outcome = h.run(libraryCall('tdevIncidentResponse', "level: 'P0'"))

        assertThat(outcome.result).isEqualTo('ABORTED')
        assertThat(state(world)).isEqualTo(before)
        assertThat(h.callsOf('tdevIncident')).hasSize(1)
        assertThat(h.callsOf('tdevIncident')[0].args).doesNotContainKey('apply')
        assertThat(h.currentBuild.description as String).contains('declined rollback: Rejected by bob',
                'nothing changed by this job; declining is not a failure')
        Map r = record()
        assertThat(r.status).isEqualTo('DIAGNOSED')
        assertThat(r.applied).isEmpty()
        assertThat(r.approvals).containsExactly([remedy: 'rollback', decision: 'declined', by: null])
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void aPolicyWithADelayTellsTheBackendLeadFifteenMinutesLaterWhenStillUnresolved(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('slow-agent')
        PipelineHarness h = attached(mode, world)
        Instant began = world.sim.now()

        Outcome outcome = h.run(libraryCall('tdevIncidentResponse', "level: 'P1', remedies: 'none'"))

        assertThat(outcome.result).as(h.logText()).isEqualTo('SUCCESS')
        assertThat(h.inputs).isEmpty()
        assertThat(h.stages).containsExactly('Diagnose', 'Escalation follow-up')
        assertThat(h.sleptSeconds).isEqualTo(Duration.ofMinutes(15).seconds)
        List<SimNotification> told = toldAbout(world, 'P1')
        assertThat(told).hasSize(1)
        assertThat(told[0].at()).isEqualTo(began.plus(Duration.ofMinutes(15)))
        assertThat(told[0].subject()).contains('still unresolved')
        assertThat(told[0].message()).contains('To: backend-lead', 'clear-cache')
        Map r = record()
        assertThat(r.escalation*.status).containsExactly('NOTIFIED')
        assertThat(r.followUp.resolved).isEqualTo(false)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void anIncidentResolvedBeforeTheDelayTellsNobody(PipelineMode mode) {
        Map run = approvedRun(mode, 'cache-degraded', "level: 'P1', remedies: 'clear-cache'")
        SimulatedTdevOps world = run.world
        PipelineHarness h = run.h

        assertThat(h.inputs*.ok).containsExactly('Apply clear-cache')
        assertThat(world.sim.cacheStale()).isFalse()
        assertThat(toldAbout(world, 'P1')).isEmpty()
        assertThat(record().escalation*.status).containsExactly('NOT_NEEDED')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void anAbortInAnyStepEndsAbortedAndOnlyTheRecordIsWrittenAfterIt(PipelineMode mode) {
        String job = libraryCall('tdevIncidentResponse', "level: 'P1'")
        PipelineHarness clean = attached(mode, SimulatedTdevOps.scenario('slow-agent'))
        clean.inputAnswer = confirmedBy('alice', null)
        assertThat(clean.run(job).result).as(clean.logText()).isEqualTo('SUCCESS')
        List<String> steps = new ArrayList<>(clean.steps)
        assertThat(steps).contains('input', 'sleep', 'tdevEscalate')
        int apply = (0..<steps.size()).findAll { steps[it] == 'tdevIncident' }[1] + 1

        for (int i = 1; i <= steps.size(); i++) {
            SimulatedTdevOps world = SimulatedTdevOps.scenario('slow-agent')
            PipelineHarness h = attached(mode, world)
            h.inputAnswer = confirmedBy('alice', null)
            h.abortAtStep = i
            Map before = state(world)

            Outcome outcome = h.run(job)

            String where = "aborted in step ${i} of ${steps}: ${steps[i - 1]}\n${h.logText()}"
            assertThat(outcome.result).as(where).isEqualTo('ABORTED')
            assertThat(h.steps.drop(i).findAll { !(it in ['writeFile', 'writeJSON', 'archiveArtifacts']) }).as(where).isEmpty()
            assertThat(String.valueOf(h.currentBuild.description)).as(where).doesNotContain('FAILED')
            if (i < apply) {
                assertThat(state(world)).as(where).isEqualTo(before)
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void badParametersStopTheBuildBeforeAnyStep(PipelineMode mode) {
        PipelineHarness h = attached(mode, SimulatedTdevOps.scenario('healthy'))

        Outcome unknown = h.run(libraryCall('tdevIncidentResponse', "level: 'P0', remedy: 'rollback'"))
        Outcome level = h.run(libraryCall('tdevIncidentResponse', "level: 'P5'"))
        Outcome remedies = h.run(libraryCall('tdevIncidentResponse', "level: 'P1', remedies: 'restart'"))

        assertThat(unknown.message).contains('unknown parameter remedy', 'valid parameters:', 'remedies')
        assertThat(level.message).contains("level must be one of P0, P1, P2; got 'P5'")
        assertThat(remedies.message).contains("remedies must be 'all', 'none' or names of rollback, scale, clear-cache, restart-agent")
        assertThat(h.stepCalls).isEmpty()
    }
}
