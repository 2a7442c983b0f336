package io.tdev.ops.api.change;

import io.tdev.ops.model.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The change requests check themselves when made, before any use case (or AWS) is reached: an error names the
 * argument as the step and the CLI option's camelCase call it, and what is allowed. A request needs no environment to
 * be checked, so a bad one cannot have touched anything.
 */
class ChangeRequestsTest {
    private static final String IMAGE = "123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/t-developer-backend-production:2.1.0";

    private static InvalidInputException invalid(Executable make) {
        return assertThrows(InvalidInputException.class, make);
    }

    @Test
    void aDeployNeedsAnEcrImageUri() {
        assertThat(invalid(() -> new DeployRequest(null, null, true, null, false)).field()).isEqualTo("image");
        InvalidInputException bare = invalid(() -> DeployRequest.of("repo:2.1.0"));
        assertThat(bare.field()).isEqualTo("image");
        assertThat(bare.getMessage()).contains("<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>")
                .contains("Docker Hub");
        assertThat(DeployRequest.of(" " + IMAGE + " ").image()).isEqualTo(IMAGE);
        assertThat(DeployRequest.of(IMAGE).ecrImage().tag()).isEqualTo("2.1.0");
    }

    @Test
    void aTimeoutMustBeMoreThanZeroAndNoneMeansTheEnvironmentsDefault() {
        InvalidInputException zero = invalid(() -> new DeployRequest(IMAGE, null, true, Duration.ZERO, false));
        assertThat(zero.field()).isEqualTo("timeoutMinutes");
        assertThat(zero.getMessage()).contains("must be more than 0").contains("deploy.stableTimeoutMinutes");
        assertThat(invalid(() -> ScaleRequest.of("3", false, true, Duration.ofMinutes(-1), false)).field())
                .isEqualTo("timeoutMinutes");
        assertThat(invalid(() -> RollbackRequest.of(null, null, true, Duration.ofSeconds(-5), true, false)).field())
                .isEqualTo("timeoutMinutes");
        assertThat(DeployRequest.of(IMAGE).timeout()).isNull();
    }

    @Test
    void aRollbackTargetIsOneOfItsFormsAndDefaultsToLastKnownGood() {
        InvalidInputException e = invalid(() -> RollbackRequest.of("yesterday", null, true, null, true, false));
        assertThat(e.field()).isEqualTo("target");
        assertThat(e.getMessage()).contains("last-known-good (default)").contains("previous")
                .contains("FAMILY:REVISION");
        RollbackRequest defaults = RollbackRequest.of(null, " ", true, null, true, false);
        assertThat(defaults.target().kind()).isEqualTo(RollbackTarget.Kind.LAST_KNOWN_GOOD);
        assertThat(defaults.reason()).isEqualTo(RollbackRequest.NO_REASON);
        assertThat(RollbackRequest.of("41", "5xx", true, null, true, false).target().revision())
                .isEqualTo(new Revision(null, 41));
    }

    @Test
    void aScaleCountIsANumberAChangeOrAPresetName() {
        InvalidInputException none = invalid(() -> ScaleRequest.of(null, false, true, null, false));
        assertThat(none.field()).isEqualTo("count");
        assertThat(none.getMessage()).contains("is required").contains("+N or -N").contains("preset");
        assertThat(invalid(() -> ScaleRequest.of("lots of tasks", false, true, null, false)).field())
                .isEqualTo("count");
        assertThat(invalid(() -> ScaleRequest.of("20000", false, true, null, false)).getMessage())
                .contains("no service runs more than 10000 tasks");
        assertThat(ScaleRequest.of("+2", false, true, null, false).count().applyTo(3)).isEqualTo(5);
        ScaleCount preset = ScaleRequest.of("P0", false, true, null, false).count();
        assertThatThrownBy(() -> preset.applyTo(3)).isInstanceOf(IllegalStateException.class);
        assertThat(preset.resolve(Map.of("p0", "10")).applyTo(3)).isEqualTo(10);
        assertThat(invalid(() -> preset.resolve(Map.of("p1", "+2"))).getMessage()).contains("p1 (+2)");
    }

    @Test
    void aRevisionToMarkIsOneOfItsFormsAndNoneMeansTheCurrentOne() {
        InvalidInputException e = invalid(() -> MarkKnownGoodRequest.of("latest", false, false, null, null));
        assertThat(e.field()).isEqualTo("revision");
        assertThat(e.getMessage()).contains("FAMILY:REVISION");
        assertThat(invalid(() -> MarkKnownGoodRequest.of("0", false, false, null, null)).field()).isEqualTo("revision");
        assertThat(MarkKnownGoodRequest.of(" ", false, false, null, null).revision()).isNull();
        assertThat(MarkKnownGoodRequest.of("fam:3", false, false, null, null).revision()).isEqualTo(new Revision("fam", 3));
    }
}
