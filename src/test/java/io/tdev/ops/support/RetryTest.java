package io.tdev.ops.support;

import io.tdev.ops.model.RemoteFailureException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryTest {
    private final List<Duration> slept = new ArrayList<>();
    private final Retry retry = Retry.reads(slept::add);

    @Test
    void retryableFailuresAreRetriedWithDoublingBackoffUntilTheCallSucceeds() {
        AtomicInteger calls = new AtomicInteger();

        String answer = retry.call(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new RemoteFailureException("ecs:DescribeServices", "throttled", true);
            }
            return "ok";
        });

        assertThat(answer).isEqualTo("ok");
        assertThat(calls).hasValue(3);
        assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void afterTheLastAttemptTheFailureSaysItGaveUpAndKeepsTheApi() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> retry.call(() -> {
            calls.incrementAndGet();
            throw new RemoteFailureException("logs:FilterLogEvents", "Rate exceeded", true);
        })).isInstanceOf(RemoteFailureException.class)
                .hasMessage("Rate exceeded (gave up after 4 attempts)")
                .satisfies(e -> assertThat(((RemoteFailureException) e).api()).isEqualTo("logs:FilterLogEvents"));
        assertThat(calls).hasValue(4);
        assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void nonRetryableFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> retry.call(() -> {
            calls.incrementAndGet();
            throw new RemoteFailureException("ecs:DescribeServices", "access denied", false);
        })).hasMessage("access denied");
        assertThat(calls).hasValue(1);
        assertThat(slept).isEmpty();
    }
}
