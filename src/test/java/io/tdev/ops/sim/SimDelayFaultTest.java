package io.tdev.ops.sim;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The delay fault: real latency per call, observed through the waits it asks for (never timed). */
class SimDelayFaultTest {
    private final SimEnvironment env = SimEnvironment.scenario("healthy", SimConfigs.production());
    private final Ecs ecs = env.ports().ecs();
    private final ServiceRef service = env.config().serviceRef();
    private final List<String> waits = Collections.synchronizedList(new ArrayList<>());

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
            Future<?> read = pool.submit(() -> env.ports().logs().filter(env.config().logGroup(), "ERROR",
                    env.now().minusSeconds(3600), env.now(), 100));
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
            pool.shutdownNow();
            assertThat(read.get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(RemoteFailureException.class, e -> {
                assertThat(e.retryable()).isTrue();
                assertThat(e.getMessage()).contains("elasticloadbalancing:DescribeTargetHealth")
                        .contains("simulated latency 60000 ms");
            });
        } finally {
            pool.shutdownNow();
        }
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
}
