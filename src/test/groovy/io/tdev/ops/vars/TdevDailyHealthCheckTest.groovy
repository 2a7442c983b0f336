package io.tdev.ops.vars

import groovy.json.JsonSlurper
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource

import static org.assertj.core.api.Assertions.assertThat

/** tdevDailyHealthCheck against scripted verdicts, in plain and CPS mode. */
class TdevDailyHealthCheckTest extends ScriptedVarTest {
    static String job(String args) {
        libraryCall('tdevDailyHealthCheck', args)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void healthyArchivesBothReportsAndNotifiesNobody(PipelineMode mode) {
        PipelineHarness h = harness(mode)

        Outcome outcome = h.run(job("environment: 'production', mailTo: 'ops@example.com'"))

        assertThat(outcome.result).isEqualTo('SUCCESS')
        assertThat(h.archived).containsExactlyInAnyOrder('health-report.md', 'health-report.json')
        assertThat(h.file('health-report.md').text).contains('# Daily health check (production): HEALTHY', '| ecs-service | HEALTHY | running 2/2, pending 0 |')
        assertThat(new JsonSlurper().parse(h.file('health-report.json')).status).isEqualTo('HEALTHY')
        assertThat(h.mails).isEmpty()
        // the runbook's last 24 hours, from thresholds.yaml; the engine scales the ERROR thresholds to it
        assertThat(ops.callsOf('healthCheck')[0].args.windowMinutes).isEqualTo(1440)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void degradedIsUnstableAndMailed(PipelineMode mode) {
        ops.health = { Map a -> ScriptedOps.verdict('DEGRADED', ['14 ERROR events in 24 h']) + [markdown: '# engine report\nDEGRADED'] }
        PipelineHarness h = harness(mode)

        Outcome outcome = h.run(job("mailTo: 'ops@example.com'"))

        assertThat(outcome.result).isEqualTo('UNSTABLE')
        assertThat(h.file('health-report.md').text).isEqualTo('# engine report\nDEGRADED')
        assertThat(h.mails).hasSize(1)
        assertThat(h.mails[0].subject as String).contains('DEGRADED')
        assertThat(h.mails[0].to).isEqualTo('ops@example.com')
        assertThat(h.logText()).contains('14 ERROR events in 24 h')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void unhealthyFailsTheBuildAfterArchivingAndNotifying(PipelineMode mode) {
        ops.health = { Map a -> ScriptedOps.verdict('UNHEALTHY', ['running 0 of 2', 'alarm t-developer-5xx in ALARM']) }
        PipelineHarness h = harness(mode)

        Outcome outcome = h.run(job("notify: { health, report -> echo \"paging on-call: \${health.status} see \${report}\" }"))

        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('UNHEALTHY', 'running 0 of 2', 'alarm t-developer-5xx in ALARM')
        assertThat(h.archived).contains('health-report.json')
        assertThat(h.log).contains('paging on-call: UNHEALTHY see health-report.md')
        assertThat(h.stages).containsExactly('Health check', 'Report', 'Notify')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void verdictMappingIsConfigurablePerJob(PipelineMode mode) {
        ops.health = { Map a -> ScriptedOps.verdict('DEGRADED', ['cpu 75% > 70%']) }
        PipelineHarness h = harness(mode)

        Outcome outcome = h.run(job("failOn: ['UNHEALTHY', 'DEGRADED'], reportName: 'daily', windowMinutes: 60"))

        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(h.archived).containsExactlyInAnyOrder('daily.md', 'daily.json')
        assertThat(ops.callsOf('healthCheck')[0].args.windowMinutes).isEqualTo(60)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void unknownParameterIsNamedWithTheValidOnes(PipelineMode mode) {
        PipelineHarness h = harness(mode)

        Outcome outcome = h.run(job("mail: 'ops@example.com'"))

        assertThat(outcome.message).startsWith('tdevDailyHealthCheck: unknown parameter mail; valid parameters: ')
                .contains('mailTo', 'notify', 'windowMinutes')
        assertThat(ops.calls).isEmpty()
    }
}
