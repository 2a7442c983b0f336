package io.tdev.ops.vars

import groovy.json.JsonSlurper
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource

import static org.assertj.core.api.Assertions.assertThat

/**
 * tdevDailyFleetHealthCheck on the real engine over the simulation's fleet (24 services beside the environment's own:
 * svc-0004 runs a task short, svc-0008 has an alarm in ALARM and an unhealthy target, svc-0012 logs 30 ERRORs an
 * hour), in plain and CPS mode.
 */
class TdevDailyFleetHealthCheckTest extends SimulatedVarTest {
    static final String BATCH = 't-developer-batch-production/'

    static String job(String args) {
        libraryCall('tdevDailyFleetHealthCheck', args)
    }

    /** svc-0001 ..., even ones in the batch cluster, as the simulation places them. */
    static String services(List<Integer> numbers) {
        '[' + numbers.collect { int i -> "'${i % 2 == 0 ? BATCH : ''}svc-${String.format('%04d', i)}'" }.join(', ') + ']'
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void anUnhealthyServiceFailsTheBuildWithEveryServicesRowArchivedAndMailed(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('fleet')
        PipelineHarness h = attached(mode, world)

        Outcome outcome = h.run(job("environment: 'production', services: ${services(1..24)}, mailTo: 'ops@example.com'"))

        assertThat(outcome.result).as(h.logText()).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('UNHEALTHY: 3 of 24 services not HEALTHY', 'fleet-health.md')
        assertThat(h.stages).containsExactly('Fleet health', 'Report', 'Notify')
        assertThat(h.callsOf('tdevFleetHealth')[0].args.services as List).hasSize(24).contains(BATCH + 'svc-0002')
        assertThat(h.archived).containsExactlyInAnyOrder('fleet-health.md', 'fleet-health.json')
        String md = h.file('fleet-health.md').text
        assertThat(md).contains('# Fleet health (production): UNHEALTHY', '| Service | Cluster | Status | Reasons |')
        // the troubled rows first: UNHEALTHY, then DEGRADED, then the healthy ones
        assertThat(md.indexOf('| svc-0008 |')).isLessThan(md.indexOf('| svc-0004 |'))
        assertThat(md.indexOf('| svc-0012 |')).isLessThan(md.indexOf('| svc-0001 |'))
        assertThat(md).contains('svc-0008-5xx-high')
        Map json = (Map) new JsonSlurper().parse(h.file('fleet-health.json'))
        assertThat(json.status).isEqualTo('UNHEALTHY')
        assertThat((json.services as List).collect { it.name }).hasSize(24).startsWith('svc-0001')
        assertThat(h.mails*.to).containsExactly('ops@example.com')
        assertThat(h.mails[0].subject as String).contains('UNHEALTHY: 3 of 24')
        assertThat(h.currentBuild.description as String).isEqualTo('UNHEALTHY: 3 of 24 services not HEALTHY')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void healthyServicesAreGreenAndNotifyNobody(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('fleet')
        PipelineHarness h = attached(mode, world)
        Outcome outcome = h.run(job("services: ${services([1, 2, 3, 5])}, notify: { fleet, report -> echo 'notified' }"))

        assertThat(outcome.result).as(h.logText()).isEqualTo('SUCCESS')
        assertThat(h.stages).containsExactly('Fleet health', 'Report')
        assertThat(h.logText()).contains('tdevDailyFleetHealthCheck: HEALTHY: 0 of 4 services not HEALTHY')
        assertThat(h.mails).isEmpty()
        assertThat(h.log).doesNotContain('notified')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void aDegradedServiceMakesTheBuildUnstableAndCallsTheNotifyClosure(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('fleet')
        PipelineHarness h = attached(mode, world)

        Outcome outcome = h.run(job("services: ${services([1, 4])}, notify: { fleet, report -> echo \"paging: \${fleet.status} see \${report}\" }"))

        assertThat(outcome.result).as(h.logText()).isEqualTo('UNSTABLE')
        assertThat(h.log).contains('paging: DEGRADED see fleet-health.md')
        assertThat(h.file('fleet-health.md').text).contains('| svc-0004 | t-developer-batch-production | DEGRADED | ecs: running')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void withoutServicesItChecksTheConfiguredFleetAndSaysWhenThereIsNone(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('fleet')
        PipelineHarness h = attached(mode, world)

        Outcome outcome = h.run(job("environment: 'production'"))

        // the built-in production config lists no fleet.clusters: the engine refuses before any AWS call
        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('fleet.clusters', '--services')
        assertThat(h.archived).isEmpty()
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void badParametersAreRefusedListingTheValidOnesBeforeAnyStep(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('fleet')
        PipelineHarness h = attached(mode, world)

        Outcome unknown = h.run(job("service: ['svc-0001']"))
        Outcome notAList = h.run(job("services: 'svc-0001,svc-0002'"))
        Outcome badVerdict = h.run(job("services: ['svc-0001'], failOn: ['RED']"))

        assertThat(unknown.result).isEqualTo('FAILURE')
        assertThat(unknown.message).contains('unknown parameter service', 'services', 'failOn', 'mailTo')
        assertThat(notAList.message).contains('services must be a list')
        assertThat(badVerdict.message).contains('failOn', 'RED')
        assertThat(h.callsOf('tdevFleetHealth')).isEmpty()
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void anAbortDuringTheFleetRunIsAnAbortAndWritesNoReport(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('fleet')
        PipelineHarness h = attached(mode, world)
        h.abortAtStep = 1

        Outcome outcome = h.run(job("services: ${services(1..24)}, mailTo: 'ops@example.com'"))

        assertThat(outcome.result).isEqualTo('ABORTED')
        assertThat(outcome.message).startsWith('Aborted by tester')
        assertThat(h.archived).isEmpty()
        assertThat(h.mails).isEmpty()
    }
}
