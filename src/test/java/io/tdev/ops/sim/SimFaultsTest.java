package io.tdev.ops.sim;

import io.tdev.ops.model.AlarmState;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.port.Ecs;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimFaultsTest {
    private final SimEnvironment env = SimEnvironment.scenario("healthy", SimConfigs.production());
    private final Ecs ecs = env.ports().ecs();
    private final ServiceRef service = env.config().serviceRef();
    /** The real-time waits delays ask for, observed (never timed). */
    private final List<String> waits = Collections.synchronizedList(new ArrayList<>());

    @Test
    void throttledCallsFailRetryablyThenSucceed() {
        env.faults().throttle(Api.DESCRIBE_SERVICES, 2);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> ecs.describeService(service))
                    .isInstanceOfSatisfying(RemoteFailureException.class, e -> {
                        assertThat(e.api()).isEqualTo("ecs:DescribeServices");
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.getMessage()).contains("throttled");
                    });
        }
        assertThat(ecs.describeService(service).running()).isEqualTo(3);
        assertThat(env.calls(Api.DESCRIBE_SERVICES)).isEqualTo(3);
        assertThat(env.callLog()).extracting(SimCall::outcome).containsExactly("throttle", "throttle", "ok");
    }

    @Test
    void failuresAreNotRetryableAndQueueAfterThrottles() {
        env.faults().throttle(Api.DESCRIBE_ALARMS, 1).fail(Api.DESCRIBE_ALARMS, 1);
        var alarms = env.ports().alarms();

        assertThatThrownBy(() -> alarms.alarms("t-developer", Optional.empty()))
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> assertThat(e.retryable()).isTrue());
        assertThatThrownBy(() -> alarms.alarms("t-developer", Optional.empty()))
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> assertThat(e.retryable()).isFalse());
        assertThat(alarms.alarms("t-developer", Optional.of(AlarmState.ALARM))).isEmpty();
    }

    @Test
    void deniedAccessNamesTheIamAction() {
        env.faults().denyAccess(Api.UPDATE_SERVICE, 1);

        assertThatThrownBy(() -> ecs.setDesiredCount(service, 4))
                .isInstanceOf(RemoteFailureException.class)
                .hasMessageContaining("access denied").hasMessageContaining("ecs:UpdateService");
        assertThat(env.desiredCount()).isEqualTo(3);
    }

    @Test
    void aHangingCallBlocksUntilItsThreadIsInterrupted() throws Exception {
        env.faults().hang(Api.FILTER_LOG_EVENTS);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> read = readLogsIn(pool);

            assertThatThrownBy(() -> read.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            // Other calls are not blocked by the hanging one.
            assertThat(ecs.describeService(service).running()).isEqualTo(3);

            read.cancel(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
        assertThat(env.callLog()).extracting(SimCall::outcome).contains("hang");
    }

    @Test
    void anInterruptedHangIsARemoteFailure() throws Exception {
        env.faults().hang(Api.DESCRIBE_TARGET_HEALTH);

        assertThat(targetHealthReadInterruptedInTheCall()).isInstanceOfSatisfying(RemoteFailureException.class,
                e -> assertThat(e.getMessage()).contains("simulated hang").contains("interrupted"));
        env.faults().clear(Api.DESCRIBE_TARGET_HEALTH);
        assertThat(env.ports().targetHealth().targetHealth(env.targetGroupArn())).hasSize(3);
    }


    @Test
    void unknownApiNamesAreRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> env.faults().throttle("ecs:DescribeService", 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ecs:DescribeService'")
                .hasMessageContaining("ecs:DescribeServices");
        assertThatThrownBy(() -> env.faults().throttle(Api.PUBLISH, 0)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void inspectionIsNeitherCountedNorFaulted() {
        env.faults().fail(Api.DESCRIBE_SERVICES, 5);

        assertThat(env.service().running()).isEqualTo(3);
        assertThat(env.calls(Api.DESCRIBE_SERVICES)).isZero();
    }

    @Test
    void theThrottledScenarioThrottlesEachHealthReadTwice() {
        SimEnvironment throttled = SimEnvironment.scenario("throttled", SimConfigs.production());
        Ecs e = throttled.ports().ecs();

        assertThatThrownBy(() -> e.describeService(service)).isInstanceOf(RemoteFailureException.class);
        assertThatThrownBy(() -> e.describeService(service)).isInstanceOf(RemoteFailureException.class);
        assertThat(e.describeService(service).running()).isEqualTo(3);
        assertThatThrownBy(() -> throttled.ports().metrics().query(java.util.List.of(), throttled.now().minusSeconds(60), throttled.now()))
                .isInstanceOf(RemoteFailureException.class);
    }

    // ---- the delay fault: real latency per call, observed through the waits it asks for

    @Test
    void everyCallOfADelayedApiWaitsItsLatencyAndOtherApisDoNot() {
        env.faults().realTime(d -> waits.add(d.toMillis() + " ms")).delay(Api.DESCRIBE_SERVICES, Duration.ofMillis(80));

        ecs.describeService(service);
        ecs.describeService(service);
        env.ports().alarms().alarms("t-developer", Optional.empty());

        assertThat(waits).containsExactly("80 ms", "80 ms");
        assertThat(env.calls(Api.DESCRIBE_SERVICES)).isEqualTo(2);
    }

    @Test
    void aDelayedCallThenMeetsItsQueuedFaults() {
        env.faults().realTime(d -> waits.add(d.toMillis() + " ms"))
                .delay(Api.DESCRIBE_SERVICES, Duration.ofMillis(30)).throttle(Api.DESCRIBE_SERVICES, 1);

        assertThatThrownBy(() -> ecs.describeService(service)).isInstanceOfSatisfying(RemoteFailureException.class,
                e -> assertThat(e.retryable()).isTrue());
        assertThat(ecs.describeService(service).running()).isEqualTo(3);
        assertThat(waits).hasSize(2);
        assertThat(env.callLog()).extracting(SimCall::outcome).containsExactly("throttle", "ok");
    }

    @Test
    void delayedCallsWaitOutsideTheWorldsLockSoOthersAreAnswered() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        env.faults().realTime(d -> {
            entered.countDown();
            release.await();
        }).delay(Api.FILTER_LOG_EVENTS, Duration.ofSeconds(1));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> read = readLogsIn(pool);
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(ecs.describeService(service).running()).isEqualTo(3);
            assertThat(read).isNotDone();

            release.countDown();
            read.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anInterruptedDelayIsARetryableRemoteFailureNamingTheLatency() throws Exception {
        env.faults().delay(Api.DESCRIBE_TARGET_HEALTH, Duration.ofSeconds(60));

        assertThat(targetHealthReadInterruptedInTheCall()).isInstanceOfSatisfying(RemoteFailureException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("elasticloadbalancing:DescribeTargetHealth")
                    .contains("simulated latency 60000 ms");
        });
    }

    @Test
    void clearingRemovesTheDelay() {
        env.faults().realTime(d -> waits.add(d.toString())).delay(Api.DESCRIBE_ALARMS, Duration.ofMillis(5));
        env.faults().clear(Api.DESCRIBE_ALARMS);
        env.ports().alarms().alarms("t-developer", Optional.empty());

        env.faults().delay(Api.DESCRIBE_ALARMS, Duration.ofMillis(5)).clearAll();
        env.ports().alarms().alarms("t-developer", Optional.empty());

        assertThat(waits).isEmpty();
    }

    @Test
    void latenciesThatAreNotPositiveOrExceedTheSafetyLimitAreRefused() {
        assertThatThrownBy(() -> env.faults().delay(Api.PUBLISH, Duration.ZERO))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("latency");
        assertThatThrownBy(() -> env.faults().delay(Api.PUBLISH, Duration.ofMillis(-1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> env.faults().delay(Api.PUBLISH, Duration.ofMinutes(5)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 120 s");
        assertThatThrownBy(() -> env.faults().delay("ecs:DescribeService", Duration.ofMillis(5)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ecs:DescribeServices");
    }

    private Future<?> readLogsIn(ExecutorService pool) {
        return pool.submit(() -> env.ports().logs().filter(env.config().logGroup(), "ERROR",
                env.now().minusSeconds(3600), env.now(), 100));
    }

    /**
     * Reads target health on a worker thread, interrupts it once it is inside the call (so the interrupt reaches
     * the hang or delay), and returns what the read threw.
     */
    private Throwable targetHealthReadInterruptedInTheCall() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Throwable> read = pool.submit(() -> {
                try {
                    env.ports().targetHealth().targetHealth(env.targetGroupArn());
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            for (int i = 0; i < 1000 && env.calls(Api.DESCRIBE_TARGET_HEALTH) == 0; i++) {
                Thread.sleep(10);
            }
            assertThat(env.calls(Api.DESCRIBE_TARGET_HEALTH)).isEqualTo(1);
            pool.shutdownNow();
            return read.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }
}
