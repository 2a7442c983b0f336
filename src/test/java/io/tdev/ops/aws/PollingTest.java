package io.tdev.ops.aws;

import io.tdev.ops.model.RemoteFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one wait loop the adapters share (Logs Insights queries, ECR scans): pauses, progress, timeout, interrupt. */
class PollingTest {
    private final List<Duration> pauses = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();

    @AfterEach
    void clearTheInterruptFlag() {
        Thread.interrupted();
    }

    @Test
    void pausesDoubleUpToTheMaximumAndEachIsAnnouncedWithTheTimeWaitedSoFar() {
        Polling polling = new Polling(Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(10), pauses::add,
                progress::add);
        Polling.Wait wait = polling.start("the ECR scan of repo:v1", "ecr:DescribeImageScanFindings");

        for (int i = 0; i < 4; i++) {
            assertThat(wait.timedOut()).isFalse();
            wait.pause("IN_PROGRESS");
        }

        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(4));
        assertThat(progress).containsExactly(
                "waiting for the ECR scan of repo:v1 (IN_PROGRESS, 0s of 10s)",
                "waiting for the ECR scan of repo:v1 (IN_PROGRESS, 1s of 10s)",
                "waiting for the ECR scan of repo:v1 (IN_PROGRESS, 3s of 10s)",
                "waiting for the ECR scan of repo:v1 (IN_PROGRESS, 7s of 10s)");
        assertThat(wait.waited()).isEqualTo(Duration.ofSeconds(11));
        assertThat(wait.timedOut()).isTrue();
    }

    @Test
    void anInterruptedPauseCleansUpAndIsARetryableFailureNamingTheApiAndWhatItWaitedFor() {
        Polling polling = new Polling(Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(10), d -> {
            throw new InterruptedException("stop");
        }, progress::add);
        Polling.Wait wait = polling.start("Logs Insights query q-1", "logs:GetQueryResults");
        List<String> cleanedUp = new ArrayList<>();

        assertThatThrownBy(() -> wait.pause("Running", () -> cleanedUp.add("stopped q-1")))
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> {
                    assertThat(e.api()).isEqualTo("logs:GetQueryResults");
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("interrupted while waiting for Logs Insights query q-1");
                    assertThat(e.getCause()).isInstanceOf(InterruptedException.class);
                });
        assertThat(cleanedUp).containsExactly("stopped q-1");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(wait.waited()).isZero();
    }
}
