package io.tdev.ops.traffic;

import io.tdev.ops.api.traffic.LoadWatchRequest;
import io.tdev.ops.api.traffic.LoadWatchResult;
import io.tdev.ops.api.traffic.LoadWatchUseCase;
import io.tdev.ops.model.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadWatchTest {
    private static LoadWatchResult watch(TrafficFixture env, Duration duration) {
        return LoadWatchUseCase.over(env.ctx).run(new LoadWatchRequest(duration, null, null));
    }

    @Test
    void theRunbooksLoadTestOnThreeTasksIsStoppedWhenTheResponseTimeP95PassesThePipelineSlo() {
        TrafficFixture env = TrafficFixture.scenario("load-test");

        LoadWatchResult result = watch(env, Duration.ofMinutes(10));

        assertThat(result.status()).isEqualTo(LoadWatchResult.Status.STOPPED);
        assertThat(result.ok()).isFalse();
        assertThat(result.p95LimitSeconds()).isEqualTo(45.0);
        assertThat(result.stoppedBecause()).satisfiesAnyOf(
                s -> assertThat(s).contains("p95").contains("over the limit of 45"),
                s -> assertThat(s).contains("UNHEALTHY"));
        assertThat(Duration.between(result.startedAt(), result.endedAt())).isLessThan(Duration.ofMinutes(10));
        LoadWatchResult.Sample last = result.samples().get(result.samples().size() - 1);
        assertThat(result.samples().get(0).p95Seconds()).isLessThan(45.0);
        assertThat(last.p95Seconds()).isNotNull();
    }

    @Test
    void theSameTestOnTenTasksPassesWithEverySampleUnderTheLimits() {
        TrafficFixture env = TrafficFixture.scenario("load-test-prepared");

        LoadWatchResult result = watch(env, Duration.ofMinutes(10));

        assertThat(result.stoppedBecause()).isNull();
        assertThat(result.status()).isEqualTo(LoadWatchResult.Status.PASSED);
        assertThat(result.samples()).hasSize(20);
        assertThat(result.samples()).allSatisfy(s -> {
            assertThat(s.p95Seconds()).isLessThan(45.0);
            assertThat(s.verdict()).isNotEqualTo("UNHEALTHY");
        });
        assertThat(Duration.between(result.startedAt(), result.endedAt())).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theMarkdownChartsP95AndErrorsAgainstTheirLimitsOnePointPerSample() {
        TrafficFixture env = TrafficFixture.scenario("load-test-prepared");

        LoadWatchResult result = watch(env, Duration.ofMinutes(3));

        assertThat(result.markdown()).contains("## Load watch: PASSED").contains("<svg").contains("class=\"limit\"")
                .contains("| at | p95 (s) | 5xx (%) | health |");
        String p95Line = result.markdown().substring(result.markdown().indexOf("data-name=\"p95 s\""));
        String points = p95Line.substring(p95Line.indexOf("points=\"") + 8, p95Line.indexOf("\"/>"));
        assertThat(points.split(" ")).hasSize(result.samples().size());
    }

    @Test
    void aLowerLimitStopsEarlier() {
        TrafficFixture env = TrafficFixture.scenario("load-test-prepared");

        LoadWatchResult result = LoadWatchUseCase.over(env.ctx)
                .run(new LoadWatchRequest(Duration.ofMinutes(10), 1.5, null));

        assertThat(result.status()).isEqualTo(LoadWatchResult.Status.STOPPED);
        assertThat(result.stoppedBecause()).contains("over the limit of 1.5 s");
    }

    @Test
    void durationsAndLimitsOutsideWhatIsAllowedNameTheirField() {
        assertThatThrownBy(() -> new LoadWatchRequest(Duration.ofSeconds(10), null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("duration"));
        assertThatThrownBy(() -> new LoadWatchRequest(Duration.ofMinutes(10), -1.0, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("p95LimitSeconds"));
        assertThatThrownBy(() -> LoadWatchRequest.parseDuration("duration", "ten minutes"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("10m");
        assertThat(LoadWatchRequest.parseDuration("duration", "1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(LoadWatchRequest.parseDuration("duration", "PT10M")).isEqualTo(Duration.ofMinutes(10));
    }
}
