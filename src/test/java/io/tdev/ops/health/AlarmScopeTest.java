package io.tdev.ops.health;

import io.tdev.ops.api.checklist.ChecklistItem;
import io.tdev.ops.api.checklist.ChecklistRequest;
import io.tdev.ops.api.checklist.ChecklistUseCase;
import io.tdev.ops.model.AlarmState;
import io.tdev.ops.model.TargetGroup;
import io.tdev.ops.sim.Api;
import io.tdev.ops.sim.SimBuilder;
import io.tdev.ops.sim.SimEnvironment;
import io.tdev.ops.testing.SimRun;
import io.tdev.ops.testing.TestConfigs;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A check counts the alarms of its own environment: by name prefix, or by dimensions naming its cluster, service,
 * target groups or load balancer (issue 9). Alarms named otherwise are what the prefix alone got wrong.
 */
class AlarmScopeTest {
    private static final Instant HOUR_AGO = SimBuilder.DEFAULT_START.minus(Duration.ofHours(1));

    private static SimRun production(UnaryOperator<SimBuilder> alarms) {
        return new SimRun(alarms.apply(SimEnvironment.builder(TestConfigs.production())).build());
    }

    private static HealthSignal alarmsSignal(SimRun run) {
        return new HealthCheck(run.ctx).run(HealthOptions.defaults()).signals().stream()
                .filter(s -> s.name().equals("alarms")).findFirst().orElseThrow();
    }

    private static ChecklistItem monitoring(SimRun run) {
        return ChecklistUseCase.over(run.ctx).run(new ChecklistRequest(null, null, null, false, null, null, null,
                        List.of(), false, null, true, null)).items().stream()
                .filter(i -> i.name().equals("monitoring")).findFirst().orElseThrow();
    }

    @Test
    void aStagingAlarmWhoseDimensionsNameStagingsServiceIsNotCountedInProduction() {
        SimRun run = production(b -> b.alarm("ops-backend-cpu-staging", AlarmState.ALARM, HOUR_AGO, "AWS/ECS",
                "CPUUtilization", Map.of("ClusterName", "t-developer-cluster-staging",
                        "ServiceName", "t-developer-service-staging")));

        HealthSignal alarms = alarmsSignal(run);

        assertThat(alarms.status()).isEqualTo(SignalStatus.HEALTHY);
        assertThat(alarms.evidence()).doesNotContain("ops-backend-cpu-staging");
        assertThat(monitoring(run).evidence()).contains("0 in ALARM");
    }

    @Test
    void aProductionAlarmWithoutThePrefixButNamingProductionsServiceIsCounted() {
        SimRun run = production(b -> b.alarm("ops-backend-cpu", AlarmState.ALARM, HOUR_AGO, "AWS/ECS",
                "CPUUtilization", Map.of("ClusterName", "t-developer-cluster-production",
                        "ServiceName", "t-developer-service-production")));

        HealthSignal alarms = alarmsSignal(run);
        ChecklistItem monitoring = monitoring(run);

        assertThat(alarms.status()).isEqualTo(SignalStatus.UNHEALTHY);
        assertThat(alarms.evidence()).contains("ops-backend-cpu [ServiceName=t-developer-service-production]");
        assertThat(monitoring.evidence()).contains("1 in ALARM");
        // ECS dimensions decide without looking up the load balancer
        assertThat(run.sim.calls(Api.DESCRIBE_TARGET_GROUPS)).isZero();
    }

    @Test
    void ourServiceNameInAnotherClusterIsAnotherService() {
        SimRun run = production(b -> b.alarm("batch-cpu", AlarmState.ALARM, HOUR_AGO, "AWS/ECS", "CPUUtilization",
                Map.of("ClusterName", "t-developer-batch-production", "ServiceName", "t-developer-service-production")));

        assertThat(alarmsSignal(run).status()).isEqualTo(SignalStatus.HEALTHY);
    }

    @Test
    void anAlarmOnProductionsLoadBalancerCountsAndOnStagingsDoesNot() {
        SimRun probe = production(UnaryOperator.identity());
        String ours = TargetGroup.dimension(probe.sim.loadBalancerArn());
        String staging = ours.replace("production", "staging");
        SimRun run = production(b -> b
                .alarm("network-alb-5xx", AlarmState.ALARM, HOUR_AGO, "AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count",
                        Map.of("LoadBalancer", ours))
                .alarm("network-alb-5xx-staging", AlarmState.ALARM, HOUR_AGO, "AWS/ApplicationELB",
                        "HTTPCode_ELB_5XX_Count", Map.of("LoadBalancer", staging)));

        HealthSignal alarms = alarmsSignal(run);

        assertThat(alarms.status()).isEqualTo(SignalStatus.UNHEALTHY);
        assertThat(alarms.value()).isEqualTo("1 in ALARM");
        assertThat(alarms.evidence()).contains("network-alb-5xx [LoadBalancer=" + ours + "]")
                .doesNotContain("network-alb-5xx-staging");
        // the load balancer is looked up once, for both alarms
        assertThat(run.sim.calls(Api.DESCRIBE_TARGET_GROUPS)).isEqualTo(1);
    }

    @Test
    void anAlarmOnProductionsTargetGroupCounts() {
        SimRun probe = production(UnaryOperator.identity());
        String group = TargetGroup.dimension(probe.sim.targetGroupArn());
        SimRun run = production(b -> b.alarm("ops-unhealthy-hosts", AlarmState.ALARM, HOUR_AGO, "AWS/ApplicationELB",
                "UnHealthyHostCount", Map.of("TargetGroup", group, "LoadBalancer", "app/other/1")));

        assertThat(alarmsSignal(run).evidence()).contains("ops-unhealthy-hosts [TargetGroup=" + group + "]");
    }

    @Test
    void anAlarmNamingNoResourceOfTheEnvironmentIsNotCounted() {
        // the simulation's billing alarm is in ALARM in every scenario: no prefix, Currency=USD
        SimRun run = production(UnaryOperator.identity());

        HealthSignal alarms = alarmsSignal(run);

        assertThat(alarms.status()).isEqualTo(SignalStatus.HEALTHY);
        assertThat(alarms.evidence()).doesNotContain("billing");
        assertThat(alarms.threshold()).contains("t-developer-production*").contains("ServiceName");
    }
}
