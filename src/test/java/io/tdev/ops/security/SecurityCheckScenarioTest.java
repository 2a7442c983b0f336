package io.tdev.ops.security;

import io.tdev.ops.api.PlainValues;
import io.tdev.ops.api.security.SecurityCheckRequest;
import io.tdev.ops.api.security.SecurityCheckResult;
import io.tdev.ops.api.security.SecurityCheckUseCase;
import io.tdev.ops.api.security.SecuritySignal;
import io.tdev.ops.api.security.SecurityStatus;
import io.tdev.ops.model.IngressRule;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PublicAccessBlock;
import io.tdev.ops.sim.Api;
import io.tdev.ops.sim.SimEnvironment;
import io.tdev.ops.testing.TestConfigs;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The daily security check on the simulated environment, scenario by scenario. */
class SecurityCheckScenarioTest {
    private static SecurityCheckResult check(SecuritySims run, int hours) {
        return SecurityCheckUseCase.over(run.context).run(new SecurityCheckRequest(hours));
    }

    private static SecuritySignal signal(SecurityCheckResult result, String name) {
        return result.signals().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aHealthyEnvironmentIsOkOnEverySignalAndTheJsonKeysAreThePinnedOnes() {
        SecurityCheckResult result = check(SecuritySims.scenario("healthy"), 24);

        assertThat(result.status()).isEqualTo(SecurityStatus.OK);
        assertThat(result.ok()).isTrue();
        assertThat(result.signals()).extracting(SecuritySignal::name).containsExactly("failed-logins", "rate-limited",
                "open-security-groups", "secret-age", "bucket-public-access");
        assertThat(result.signals()).allSatisfy(s -> assertThat(s.status()).isEqualTo(SecurityStatus.OK));
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) PlainValues.of(result);
        assertThat(json).containsKeys("status", "signals").containsEntry("status", "OK");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> signals = (List<Map<String, Object>>) json.get("signals");
        assertThat(signals.get(0)).containsOnlyKeys("name", "status", "value", "evidence");
    }

    @Test
    void sshOpenToTheInternetOnAnEnvironmentGroupIsCriticalAndNamesTheGroupButNotGroupsOutsideTheEnvironment() {
        SecurityCheckResult result = check(SecuritySims.scenario("open-port-22"), 24);

        SecuritySignal open = signal(result, "open-security-groups");
        assertThat(result.status()).isEqualTo(SecurityStatus.CRITICAL);
        assertThat(open.status()).isEqualTo(SecurityStatus.CRITICAL);
        assertThat(open.value()).isEqualTo(1);
        assertThat(open.evidence()).contains("t-developer-ecs-tasks-production").contains("tcp 22")
                .contains("0.0.0.0/0, ::/0").doesNotContain("shared-bastion");
        assertThat(result.markdown()).contains("| open-security-groups | CRITICAL | 1 |");
    }

    @Test
    void aStaleSecretWithoutRotationIsAFindingWithItsAge() {
        SecuritySignal age = signal(check(SecuritySims.scenario("stale-secret"), 24), "secret-age");

        assertThat(age.status()).isEqualTo(SecurityStatus.CRITICAL);
        assertThat(age.value()).isEqualTo(200);
        assertThat(age.evidence()).contains("200 days old (max 90)").contains("rotation not configured")
                .contains("run rotate-secret");
    }

    @Test
    void aBurstOfFailedLoginsIsCriticalWithItsTopSourcesAlsoInAShortWindow() {
        SecuritySims burst = SecuritySims.scenario("failed-login-burst");

        for (int hours : new int[] {24, 6}) {
            SecurityCheckResult result = check(burst, hours);
            SecuritySignal logins = signal(result, "failed-logins");
            assertThat(logins.status()).isEqualTo(SecurityStatus.CRITICAL);
            assertThat(logins.value()).isGreaterThanOrEqualTo(480);
            assertThat(logins.evidence()).contains("top sources: 45.155.205.233 (");
            assertThat(signal(result, "rate-limited").status()).isEqualTo(SecurityStatus.CRITICAL);
        }
    }

    @Test
    void aSurgeAgainstThePreviousWindowIsAFindingBelowTheThreshold() {
        SimEnvironment sim = SimEnvironment.builder(TestConfigs.production())
                .logBurst("authentication failed", 12, Duration.ofHours(2), "192.0.2.10").build();

        SecurityCheckResult result = check(new SecuritySims(sim), 24);

        SecuritySignal logins = signal(result, "failed-logins");
        assertThat(logins.status()).isEqualTo(SecurityStatus.WARNING);
        assertThat(logins.evidence()).contains("a surge").contains("(warning 20, critical 100)")
                .contains("192.0.2.10");
    }

    @Test
    void aBucketWithoutBlockPublicAccessOrWithSomeSettingsOffIsAFinding() {
        SimEnvironment none = SimEnvironment.builder(TestConfigs.production()).publicAccessBlock(null).build();
        SimEnvironment some = SimEnvironment.builder(TestConfigs.production())
                .publicAccessBlock(new PublicAccessBlock(true, true, false, false)).build();

        SecuritySignal noneSignal = signal(check(new SecuritySims(none), 24), "bucket-public-access");
        SecuritySignal someSignal = signal(check(new SecuritySims(some), 24), "bucket-public-access");

        assertThat(noneSignal.status()).isEqualTo(SecurityStatus.WARNING);
        assertThat(noneSignal.evidence()).contains("no Block Public Access settings");
        assertThat(someSignal.status()).isEqualTo(SecurityStatus.WARNING);
        assertThat(someSignal.evidence()).contains("BlockPublicPolicy, RestrictPublicBuckets off");
    }

    @Test
    void everyPortOpenToTheInternetCountsButTheAllowedOneAndIcmpDoNot() {
        SimEnvironment sim = SimEnvironment.builder(TestConfigs.production())
                .ingress("t-developer-alb", new IngressRule("-1", null, null, List.of("::/0"), List.of()))
                .ingress("t-developer-redis", new IngressRule("tcp", 440, 450, List.of("0.0.0.0/0"), List.of()))
                .ingress("t-developer-redis", new IngressRule("icmp", 8, -1, List.of("0.0.0.0/0"), List.of()))
                .ingress("t-developer-redis", new IngressRule("tcp", 5432, 5432, List.of("10.0.0.0/8"), List.of()))
                .build();

        SecuritySignal open = signal(check(new SecuritySims(sim), 24), "open-security-groups");

        assertThat(open.value()).isEqualTo(2);
        assertThat(open.evidence()).contains("every port (all protocols) from ::/0").contains("tcp 440-450")
                .doesNotContain("icmp").doesNotContain("5432");
    }

    @Test
    void aSignalThatCannotBeReadIsUnknownWithTheReasonAndTheOthersAreStillRead() {
        SecuritySims run = SecuritySims.scenario("healthy");
        run.sim.faults().denyAccess(Api.DESCRIBE_SECURITY_GROUPS, 1);

        SecurityCheckResult result = check(run, 24);

        SecuritySignal groups = signal(result, "open-security-groups");
        assertThat(groups.status()).isEqualTo(SecurityStatus.UNKNOWN);
        assertThat(groups.value()).isNull();
        assertThat(groups.evidence()).contains("could not be read").contains("ec2:DescribeSecurityGroups");
        assertThat(result.status()).isEqualTo(SecurityStatus.UNKNOWN);
        assertThat(result.ok()).isFalse();
        assertThat(signal(result, "secret-age").status()).isEqualTo(SecurityStatus.OK);
    }

    @Test
    void throttledReadsAreRetriedOnTheInjectedSleeper() {
        SecuritySims run = SecuritySims.scenario("healthy");
        run.sim.faults().throttle(Api.DESCRIBE_SECURITY_GROUPS, 2).throttle(Api.GET_PUBLIC_ACCESS_BLOCK, 1);

        SecurityCheckResult result = check(run, 24);

        assertThat(result.status()).isEqualTo(SecurityStatus.OK);
        assertThat(run.sim.calls(Api.DESCRIBE_SECURITY_GROUPS)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aWindowOutsideOneToAWeekIsInvalidInputNamingTheFieldBeforeAnyCall() {
        assertThatThrownBy(() -> new SecurityCheckRequest(0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("windowHours").hasMessageContaining("allowed 1..168");
        assertThatThrownBy(() -> new SecurityCheckRequest(169)).isInstanceOf(InvalidInputException.class);
    }
}
