package io.tdev.ops.change;

import io.tdev.ops.api.change.*;

import io.tdev.ops.api.change.ChangeStatus;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.sim.Api;
import io.tdev.ops.testing.SimRun;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A deploy checks that its image exists in ECR before it registers a revision (issue 9): a bare
 * {@code repository:tag} is invalid input, a tag the repository does not hold is refused naming the repository
 * checked, and a dry run checks too (it plans only what can succeed).
 */
class DeployImageGateTest {
    private final SimRun run = SimRun.scenario("healthy");

    private DeployResult deploy(String image, boolean dryRun) {
        return new Deploy(run.ctx).run(new DeployRequest(image, null, true, null, dryRun));
    }

    private void nothingChanged() {
        assertThat(run.sim.calls(Api.REGISTER_TASK_DEFINITION)).isZero();
        assertThat(run.sim.calls(Api.UPDATE_SERVICE)).isZero();
        assertThat(run.sim.currentRevision()).isEqualTo(run.sim.revision(42));
    }

    @Test
    void aBareRepositoryAndTagIsInvalidInputShowingTheExpectedFormBeforeAnyCall() {
        assertThatThrownBy(() -> deploy("t-developer-backend-production:x", false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("image"))
                .hasMessageContaining("got 't-developer-backend-production:x'")
                .hasMessageContaining("<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>");
        assertThat(run.sim.calls(Api.DESCRIBE_SERVICES)).isZero();
        assertThat(run.sim.calls(Api.DESCRIBE_IMAGES)).isZero();
        nothingChanged();
    }

    @Test
    void aTagTheRepositoryDoesNotHoldIsRefusedNamingTheRepositoryCheckedAndNothingChanges() {
        assertThatThrownBy(() -> deploy(run.sim.imageUri("x"), false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("image"))
                .hasMessageContaining("ECR repository 't-developer-backend-production' in registry 123456789012"
                        + " (ap-northeast-2)")
                .hasMessageContaining("has no image tagged 'x'");
        assertThat(run.sim.calls(Api.DESCRIBE_IMAGES)).isEqualTo(1);
        nothingChanged();
    }

    @Test
    void aDryRunChecksTheImageToo() {
        assertThatThrownBy(() -> deploy(run.sim.imageUri("x"), true)).isInstanceOf(InvalidInputException.class);

        DeployResult plan = deploy(run.sim.imageUri("2.1.0"), true);

        assertThat(plan.status()).isEqualTo(ChangeStatus.PLANNED);
        assertThat(run.sim.calls(Api.DESCRIBE_IMAGES)).isEqualTo(2);
        nothingChanged();
    }

    @Test
    void anImageByDigestIsFoundByDigest() {
        String digest = run.sim.ports().imageScans().images("t-developer-backend-production").stream()
                .filter(i -> i.tags().contains("2.1.0")).findFirst().orElseThrow().digest();
        String byDigest = run.sim.imageUri("2.1.0").replace(":2.1.0", "@" + digest);

        DeployResult r = deploy(byDigest, false);

        assertThat(r.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(run.sim.taskDefinition(43).containers().get(0).image()).isEqualTo(byDigest);
    }

    @Test
    void anotherRepositoryThatDoesNotExistIsAPreconditionNamingIt() {
        String other = run.sim.imageUri("2.1.0").replace("t-developer-backend-production", "t-developer-backend-prod");

        assertThatThrownBy(() -> deploy(other, false)).isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("ECR repository 't-developer-backend-prod'").hasMessageContaining("not found");
        nothingChanged();
    }

    @Test
    void anImageOfAnotherRegionIsInvalidInputSayingWhichRegionWasChecked() {
        String tokyo = run.sim.imageUri("2.1.0").replace("ap-northeast-2", "ap-northeast-1");

        assertThatThrownBy(() -> deploy(tokyo, false)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ap-northeast-1").hasMessageContaining("ap-northeast-2");
        nothingChanged();
    }

    @Test
    void aPushedImageDeploys() {
        DeployResult r = deploy(run.sim.imageUri("2.1.0"), false);

        assertThat(r.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(run.progress).anyMatch(l -> l.startsWith("found 2.1.0 in ECR repository 't-developer-backend-production'"));
    }
}
