package io.tdev.ops.vars

import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource

import static org.assertj.core.api.Assertions.assertThat

/** tdevTrafficEvent on the real engine over the simulated environment, in plain and CPS mode. */
class TdevTrafficEventTest extends SimulatedVarTest {
    static final String TRAFFIC_EVENT = libraryCall('tdevTrafficEvent',
            "environment: 'production', tasks: 10, instanceClass: 'db.r6g.xlarge', loadTest: 'load/event.js'")

    /** Every value the event may change, as the simulation has it. */
    static Map values(SimulatedTdevOps world) {
        def target = world.sim.scalableTarget().orElseThrow()
        [desired: world.sim.desiredCount(), min: target.minCapacity(), max: target.maxCapacity(),
         db     : world.sim.database().instanceClass(),
         tags   : world.sim.ports().ecs().serviceTags(world.config.serviceRef())]
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void preparesRunsTheLoadTestWithTheWatchWaitsForTheGoAndRestoresEverything(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = attached(mode, world)
        Map before = values(world)
        Map during = [:]
        h.inputAnswer = { Map args -> during.putAll(values(world)); [:] }

        Outcome outcome = h.run(TRAFFIC_EVENT)

        assertThat(outcome.result).as(outcome.message + h.logText()).isEqualTo('SUCCESS')
        assertThat(h.stages).containsExactly('Prepare', 'Load test', 'Event', 'Restore')
        assertThat(during.desired).isEqualTo(10)
        assertThat(during.min).isEqualTo(10)
        assertThat(during.db).isEqualTo('db.r6g.xlarge')
        assertThat(h.shell.find { it.contains('k6 run --vus 100 --duration 10m') }).isNotNull()
        assertThat(h.callsOf('tdevLoadWatch')*.args.duration).containsExactly('10m')
        assertThat(h.logText()).contains('tdevTrafficEvent: load test PASSED')
        assertThat(h.archived).contains('load-watch.md')
        assertThat(h.file('load-watch.md').text).contains('<svg')
        assertThat(values(world)).isEqualTo(before)
        assertThat(h.currentBuild.description as String).isEqualTo('traffic event completed; restore COMPLETED')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void theWatchStopsALoadTestThatWouldOverloadTheServiceAndTheBuildIsUnstable(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = attached(mode, world)

        // three tasks (what the service already runs; prepare only raises autoscaling's minimum to it): 100 users are too many
        Outcome outcome = h.run(libraryCall('tdevTrafficEvent',
                "environment: 'production', tasks: 3, loadTest: 'load/event.js', waitFor: 'none'"))

        assertThat(outcome.result).as(outcome.message + h.logText()).isEqualTo('UNSTABLE')
        assertThat(h.logText()).contains('the load watch stopped the load test')
        assertThat(h.file('tdev-load-watch.stop').text).startsWith('stop: ')
        assertThat(world.sim.loadTestUsers()).isZero()
        assertThat(h.logText()).contains('tdevTrafficEvent: restore COMPLETED after the job completed')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void anAbortWhileWaitingForTheEventStillRestoresAndSaysSo(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = attached(mode, world)
        Map before = values(world)
        h.inputAnswer = { Map args -> throw new InputRejected('alice') }

        Outcome outcome = h.run(libraryCall('tdevTrafficEvent', "environment: 'production', tasks: 10"))

        assertThat(outcome.result).isEqualTo('ABORTED')
        assertThat(h.stages).containsExactly('Prepare', 'Event', 'Restore')
        assertThat(h.logText()).contains('tdevTrafficEvent: restore COMPLETED after the job aborted')
        assertThat(values(world)).isEqualTo(before)
        assertThat(h.currentBuild.description as String).isEqualTo('traffic event aborted; restore COMPLETED')
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void anAbortDuringPrepareRestoresWhatItHadChanged(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = attached(mode, world)
        Map before = values(world)
        h.abortAtStep = 1   // tdevTrafficPrepare: the engine has done its work when the abort arrives

        Outcome outcome = h.run(libraryCall('tdevTrafficEvent', "environment: 'production', tasks: 10, waitFor: 'none'"))

        assertThat(outcome.result).isEqualTo('ABORTED')
        assertThat(h.callsOf('tdevTrafficRestore')).hasSize(1)
        assertThat(values(world)).isEqualTo(before)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void aDryRunPlansBothHalvesAndChangesNothing(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = attached(mode, world)
        Map before = values(world)

        Outcome outcome = h.run(libraryCall('tdevTrafficEvent',
                "environment: 'production', tasks: 10, loadTest: 'load/event.js', dryRun: true"))

        assertThat(outcome.result).as(h.logText()).isEqualTo('SUCCESS')
        assertThat(h.logText()).contains('tdevTrafficEvent: prepare PLANNED')
        assertThat(h.shell).isEmpty()
        assertThat(values(world)).isEqualTo(before)
    }

    @ParameterizedTest
    @EnumSource(PipelineMode)
    void anUnknownParameterIsRefusedListingTheValidOnesBeforeAnyStep(PipelineMode mode) {
        SimulatedTdevOps world = SimulatedTdevOps.scenario('healthy')
        PipelineHarness h = attached(mode, world)

        Outcome outcome = h.run(libraryCall('tdevTrafficEvent', "environment: 'production', task: 10"))

        assertThat(outcome.result).isEqualTo('FAILURE')
        assertThat(outcome.message).contains('unknown parameter task', 'tasks', 'instanceClass', 'waitFor')
        assertThat(h.stepCalls).isEmpty()
    }
}
