package io.tdev.ops.vars

import groovy.json.JsonSlurper
import io.tdev.ops.sim.Api
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource

import static org.assertj.core.api.Assertions.assertThat

/** tdevDailySecurityCheck and tdevSecurityIncident on the real engine over the simulated environment. */
class SecurityVarsOnSimulationTest extends SimulatedVarTest {

    /** A harness whose security steps run the typed use cases on {@code world} ({@link SecuritySteps}). */
    PipelineHarness securityHarness(PipelineMode mode, SimulatedTdevOps world) {
        attached(mode, world)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void aCleanDailyCheckSucceedsArchivesTheReportAndTellsNobody(PipelineMode mode) {
        PipelineHarness h = securityHarness(mode, SimulatedTdevOps.scenario('healthy'))

        Outcome outcome = h.run(libraryCall('tdevDailySecurityCheck', "environment: 'production', mailTo: 'sec@example.com'"))

        assertThat(outcome.result).as(h.logText()).isEqualTo('SUCCESS')
        assertThat(h.archived).containsExactlyInAnyOrder('security-report.md', 'security-report.json')
        assertThat(new JsonSlurper().parse(h.file('security-report.json')).status).isEqualTo('OK')
        assertThat(h.mails).isEmpty()
        assertThat(h.callsOf('tdevSecurityCheck')[0].args.windowHours).isEqualTo(24)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void anOpenPortIsUnstableAndMailedWithTheEvidence(PipelineMode mode) {
        PipelineHarness h = securityHarness(mode, SimulatedTdevOps.scenario('open-port-22'))

        Outcome outcome = h.run(libraryCall('tdevDailySecurityCheck', "mailTo: 'sec@example.com', windowHours: 6"))

        assertThat(outcome.result).as(h.logText()).isEqualTo('UNSTABLE')
        assertThat(h.mails).hasSize(1)
        assertThat(h.mails[0].subject as String).contains('CRITICAL')
        assertThat(h.file('security-report.md').text).contains('| open-security-groups | CRITICAL | 1 |', 'tcp 22')
        assertThat(h.stages).containsExactly('Security check', 'Report', 'Notify')
        assertThat(h.currentBuild.description as String).isEqualTo('CRITICAL: 1 finding(s)')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void anUnknownParameterIsNamedWithTheValidOnes(PipelineMode mode) {
        PipelineHarness h = securityHarness(mode, SimulatedTdevOps.scenario('healthy'))

        Outcome outcome = h.run(libraryCall('tdevDailySecurityCheck', "window: 6"))

        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('unknown parameter window', 'windowHours', 'mailTo')
        assertThat(h.callsOf('tdevSecurityCheck')).isEmpty()
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void anIncidentPlansAsksAndRunsEachActionAndRecordsWhoApproved(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = securityHarness(mode, world)
        List<String> approvers = ['alice', 'bob', 'carol']
        h.inputAnswer = { Map args -> [approver: approvers[h.inputs.size() - 1]] }

        Outcome outcome = h.run(libraryCall('tdevSecurityIncident',
                "environment: 'production', reason: 'API key in a public gist', approvers: 'security'"))

        assertThat(outcome.result).as(outcome.message + h.logText()).isEqualTo('SUCCESS')
        assertThat(h.stages).containsExactly('Escalate', 'lockdown-bucket', 'rotate-secret', 'invalidate-sessions')
        assertThat(h.callsOf('tdevEscalate')[0].args.kind).isEqualTo('security')
        assertThat(world.sim.notifications()*.subject.join('\n')).contains('security incident: API key in a public gist')
        assertThat(h.inputs*.submitter).containsOnly('security')
        assertThat(h.inputs[0].message as String).contains('API key in a public gist', 'dry run')
        assertThat(world.sim.bucketPolicy().orElseThrow()).contains('TdevOpsEmergencyLockdown')
        assertThat(world.sim.calls(Api.ROTATE_SECRET)).isEqualTo(1)
        assertThat(h.callsOf('tdevInvalidateSessions')*.args.dryRun).containsExactly(true, false)
        assertThat(h.callsOf('tdevInvalidateSessions')[1].args.reason).isEqualTo('API key in a public gist')
        Map record = new JsonSlurper().parse(h.file('security-incident.json')) as Map
        assertThat(record.actions*.approver).containsExactly('alice', 'bob', 'carol')
        assertThat(record.actions*.status).containsExactly('COMPLETED', 'COMPLETED', 'COMPLETED')
        assertThat(h.archived).contains('security-incident.md')
        String everything = h.logText() + h.file('security-incident.md').text + h.file('security-incident.json').text
        assertThat(world.sim.secretValues()).isNotEmpty()
        world.sim.secretValues().each { assertThat(everything).doesNotContain(it) }
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void aRejectedApprovalAbortsTheBuildRecordsWhatWasDoneAndRunsNothingMore(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = securityHarness(mode, world)
        h.inputAnswer = { Map args ->
            if (h.inputs.size() == 2) {
                throw new InputRejected('bob')
            }
            [approver: 'alice']
        }

        Outcome outcome = h.run(libraryCall('tdevSecurityIncident', "reason: 'suspected leak'"))

        assertThat(outcome.result).as(outcome.message + h.logText()).isEqualTo('ABORTED')
        assertThat(world.sim.bucketPolicy().orElseThrow()).contains('TdevOpsEmergencyLockdown')
        assertThat(world.sim.calls(Api.ROTATE_SECRET)).isZero()
        assertThat(world.sim.calls(Api.PUT_SECRET_VALUE)).isZero()
        assertThat(h.callsOf('tdevInvalidateSessions')).isEmpty()
        Map record = new JsonSlurper().parse(h.file('security-incident.json')) as Map
        assertThat(record.actions*.status).containsExactly('COMPLETED', 'NOT_DONE')
        assertThat(record.actions[1].message as String).contains('aborted', 'bob')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void anIncidentWithoutAReasonChangesNothing(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = securityHarness(mode, world)

        Outcome outcome = h.run(libraryCall('tdevSecurityIncident', "actions: ['rotate-secret']"))

        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('reason is required')
        assertThat(h.stepCalls).isEmpty()
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void theExampleJobRunsTheDailyCheckOnCronAndTheIncidentWithAReason(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('failed-login-burst')
        PipelineHarness daily = securityHarness(mode, world)
        daily.env.TDEV_OPS_SECURITY_MAIL = 'security@example.com'

        Outcome checked = daily.run(new File('examples/Jenkinsfile.security').text)

        assertThat(checked.result).as(daily.logText()).isEqualTo('UNSTABLE')
        assertThat(daily.mails*.to).containsExactly('security@example.com')
        assertThat(daily.file('security-report.md').text).contains('| failed-logins | CRITICAL |', '45.155.205.233')

        PipelineHarness incident = securityHarness(mode, world)
        incident.params.INCIDENT_REASON = 'credential stuffing from 45.155.205.233'
        incident.inputAnswer = { Map args -> [approver: 'alice'] }

        Outcome handled = incident.run(new File('examples/Jenkinsfile.security').text)

        assertThat(handled.result).as(handled.message + incident.logText()).isEqualTo('SUCCESS')
        assertThat(incident.stages).containsExactly('Escalate', 'lockdown-bucket', 'rotate-secret', 'invalidate-sessions')
        assertThat(incident.inputs).hasSize(3)
    }
}
