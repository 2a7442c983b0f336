package io.tdev.ops.weekly;

import io.tdev.ops.api.weekly.WeeklyReportResult.Slo;
import io.tdev.ops.api.weekly.WeeklyReportResult.SloStatus;
import io.tdev.ops.api.weekly.WeeklyReportResult.Week;
import io.tdev.ops.config.EnvironmentConfig;

import java.util.List;
import java.util.function.Function;

/**
 * The runbook's SLOs over a week: availability ≥ 99.5 %, pipeline p95 < 45 s, error rate < 2 %, CPU < 70 %,
 * memory < 80 % (thresholds from the environment's {@code slo}). CPU and memory are judged on the week's
 * average (autoscaling holds CPU near its 70 % target, so a maximum above it is normal); the maximum is evidence.
 * No data is NO_DATA and not met.
 */
final class SloJudge {
    private final EnvironmentConfig.Slo slo;

    SloJudge(EnvironmentConfig.Slo slo) {
        this.slo = slo;
    }

    List<Slo> judge(Week week, Week previous) {
        return List.of(
                atLeast("availability", slo.availabilityPercent(), "%", w -> w.availability().percent(), week, previous,
                        "source: " + week.availability().source()),
                below("pipeline-p95", slo.pipelineP95Seconds(), "s", w -> w.pipeline().p95Seconds(), week, previous,
                        "p95 of PipelineExecutionTime over the week; average " + Numbers.show(week.pipeline().averageSeconds(), 1) + " s"),
                below("error-rate", slo.errorRatePercent(), "%", w -> w.generations().errorRatePercent(), week, previous,
                        Numbers.show(week.generations().failure(), 0) + " failed of "
                                + Numbers.show(total(week), 0) + " generations"),
                below("cpu", slo.cpuPercent(), "%", w -> w.resources().cpuAveragePercent(), week, previous,
                        "weekly average of ECS CPUUtilization; maximum " + Numbers.show(week.resources().cpuMaxPercent(), 1) + " %"),
                below("memory", slo.memoryPercent(), "%", w -> w.resources().memoryAveragePercent(), week, previous,
                        "weekly average of ECS MemoryUtilization; maximum " + Numbers.show(week.resources().memoryMaxPercent(), 1) + " %"));
    }

    private static Long total(Week week) {
        Long ok = week.generations().success();
        Long failed = week.generations().failure();
        return ok == null || failed == null ? null : ok + failed;
    }

    private static Slo atLeast(String name, double objective, String unit, Function<Week, Double> value, Week week,
                               Week previous, String evidence) {
        return slo(name, objective, unit, ">=", value.apply(week), value.apply(previous), evidence);
    }

    private static Slo below(String name, double objective, String unit, Function<Week, Double> value, Week week,
                             Week previous, String evidence) {
        return slo(name, objective, unit, "<", value.apply(week), value.apply(previous), evidence);
    }

    private static Slo slo(String name, double objective, String unit, String comparison, Double actual,
                           Double previous, String evidence) {
        if (actual == null) {
            return new Slo(name, objective, unit, comparison, null, previous, null, false, SloStatus.NO_DATA,
                    "no data: " + evidence);
        }
        boolean met = comparison.equals(">=") ? actual >= objective : actual < objective;
        Double delta = previous == null ? null : Numbers.round(actual - previous, 3);
        return new Slo(name, objective, unit, comparison, actual, previous, delta, met,
                met ? SloStatus.MET : SloStatus.MISSED, evidence);
    }
}
