package io.tdev.ops.security;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.PlainValues;
import io.tdev.ops.api.security.RotateSecretRequest;
import io.tdev.ops.api.security.RotateSecretResult;
import io.tdev.ops.api.security.RotateSecretUseCase;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.api.change.ChangeStatus;
import io.tdev.ops.sim.Api;
import io.tdev.ops.sim.SimEnvironment;
import io.tdev.ops.testing.TestConfigs;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** rotate-secret on the simulated Secrets Manager: both methods, the wait, and the value never shown. */
class SecretRotationScenarioTest {
    private static final String SECRET = "t-developer/production/api-keys";

    private static RotateSecretResult run(SecuritySims s, boolean dryRun) {
        return RotateSecretUseCase.over(s.context).run(new RotateSecretRequest(dryRun));
    }

    /** Every value the secret ever had is absent from the result (JSON, text, Markdown) and every progress line. */
    private static void assertNoValueShown(SecuritySims s, RotateSecretResult result) {
        String shown = PlainValues.of(result) + "\n" + result.markdown() + "\n" + String.join("\n", s.progress);
        assertThat(s.sim.secretValues()).isNotEmpty().allSatisfy(value -> assertThat(shown).doesNotContain(value));
    }

    @Test
    void whereRotationIsConfiguredItRotatesAndWaitsUntilTheNewVersionIsCurrent() {
        SecuritySims s = SecuritySims.scenario("healthy");
        String oldCurrent = s.context.ports().secrets().status(SECRET).currentVersionId();

        RotateSecretResult result = run(s, false);

        assertThat(result.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(result.method()).isEqualTo("rotation");
        assertThat(result.previousVersionId()).isEqualTo(oldCurrent);
        Map<String, List<String>> stages = s.sim.secretStages(SECRET);
        assertThat(stages.get(result.newVersionId())).containsExactly("AWSCURRENT");
        assertThat(stages.get(oldCurrent)).containsExactly("AWSPREVIOUS");
        assertThat(s.progress).anyMatch(line -> line.contains("AWSPENDING") && line.contains("of 5m"));
        assertThat(PlainValues.map(result)).containsOnlyKeys("secret", "method", "status", "previousVersionId",
                "newVersionId", "message", "next", "actions");
        assertNoValueShown(s, result);
    }

    @Test
    void withoutRotationANewRandomValueBecomesCurrentAndTheOldOneIsKeptAsPrevious() {
        SecuritySims s = SecuritySims.scenario("stale-secret");
        String oldValue = s.sim.secretValue(SECRET).orElseThrow();
        String oldCurrent = s.context.ports().secrets().status(SECRET).currentVersionId();

        RotateSecretResult result = run(s, false);

        assertThat(result.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(result.method()).isEqualTo("new-version");
        assertThat(s.sim.calls(Api.ROTATE_SECRET)).isZero();
        assertThat(s.sim.secretValue(SECRET).orElseThrow()).isNotEqualTo(oldValue);
        assertThat(s.sim.secretStages(SECRET).get(oldCurrent)).containsExactly("AWSPREVIOUS");
        assertThat(result.previousVersionId()).isEqualTo(oldCurrent);
        assertNoValueShown(s, result);
    }

    @Test
    void aDryRunPlansTheMethodAndChangesNothing() {
        SecuritySims s = SecuritySims.scenario("stale-secret");
        Map<String, List<String>> before = s.sim.secretStages(SECRET);

        RotateSecretResult plan = run(s, true);

        assertThat(plan.status()).isEqualTo(ChangeStatus.PLANNED);
        assertThat(plan.method()).isEqualTo("new-version");
        assertThat(plan.actions()).singleElement().satisfies(a -> assertThat(a.dryRun()).isTrue());
        assertThat(s.sim.secretStages(SECRET)).isEqualTo(before);
        assertThat(s.sim.calls(Api.PUT_SECRET_VALUE)).isZero();
    }

    @Test
    void aRotationThatDoesNotFinishInTimeIsTimedOutSayingItGoesOn() {
        SimEnvironment sim = SimEnvironment.builder(TestConfigs.production())
                .secretRotationTakes(Duration.ofHours(1)).build();
        SecuritySims s = new SecuritySims(sim);

        RotateSecretResult result = run(s, false);

        assertThat(result.status()).isEqualTo(ChangeStatus.TIMED_OUT);
        assertThat(result.ok()).isFalse();
        assertThat(result.message()).contains("not finished after 5m").contains("goes on with it");
        assertThat(result.actions().get(0).after()).contains("AWSPENDING");
        assertThatThrownBy(() -> run(s, false)).isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("rotation under way");
    }

    @Test
    void anInterruptedWaitIsAbandonedNotFailedAndTheRotationGoesOn() {
        SimEnvironment sim = SimEnvironment.scenario("healthy", TestConfigs.production());
        OpsContext aborting = new OpsContext(sim.config(), sim.ports(), sim.clock(), duration -> {
            throw new InterruptedException("build aborted");
        }, line -> { }, "alice");

        RotateSecretResult result = RotateSecretUseCase.over(aborting).run(new RotateSecretRequest(false));

        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        assertThat(result.status()).isEqualTo(ChangeStatus.ABANDONED);
        assertThat(result.message()).contains("the wait was stopped").contains("goes on with it");
    }
}
