package io.tdev.ops.api;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.port.OpsPorts;
import io.tdev.ops.api.Progress;
import io.tdev.ops.testing.TestConfigs;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad arguments are refused before any port is touched: every port here is null, so a touch would be an NPE. */
class FacadeArgumentsTest {
    private static final OpsPorts NO_PORTS = new OpsPorts(null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null);
    private final TdevOps ops = new DefaultTdevOps(new OpsContext(TestConfigs.production(), NO_PORTS, Clock.systemUTC(),
            d -> { }, Progress.NONE, "tester"));

    private static InvalidInputException invalid(Function<Map<String, ?>, ?> call, Map<String, ?> args) {
        try {
            call.apply(args);
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("expected InvalidInputException for " + args);
    }

    @Test
    void anUnknownArgumentIsNamedWithTheValidOnes() {
        InvalidInputException e = invalid(ops::rollback, Map.of("traget", "previous"));
        assertThat(e.field()).isEqualTo("traget");
        assertThat(e.getMessage()).contains("unknown argument of rollback")
                .contains("target").contains("reason").contains("dryRun").contains("timeoutMinutes");
    }

    @Test
    void everyOperationChecksItsArgumentNames() {
        assertThat(invalid(ops::healthCheck, Map.of("window", 5)).field()).isEqualTo("window");
        assertThat(invalid(ops::ecsDeploy, Map.of("image", "x", "tag", "1")).field()).isEqualTo("tag");
        assertThat(invalid(ops::markKnownGood, Map.of("rev", "3")).field()).isEqualTo("rev");
        assertThat(invalid(ops::scale, Map.of("desired", 3)).field()).isEqualTo("desired");
        assertThat(invalid(ops::preDeployChecklist, Map.of("waiver", Map.of())).field()).isEqualTo("waiver");
        assertThat(invalid(ops::stability, Map.of("rev", "3")).field()).isEqualTo("rev");
    }

    @Test
    void wrongTypesAndValuesNameTheArgumentAndWhatIsAllowed() {
        InvalidInputException bool = invalid(ops::rollback, Map.of("dryRun", "maybe"));
        assertThat(bool.field()).isEqualTo("dryRun");
        assertThat(bool.getMessage()).contains("allowed values: true, false");

        InvalidInputException minutes = invalid(ops::scale, Map.of("count", "3", "timeoutMinutes", -1));
        assertThat(minutes.field()).isEqualTo("timeoutMinutes");

        InvalidInputException instant = invalid(ops::healthCheck, Map.of("baselineTime", "yesterday"));
        assertThat(instant.field()).isEqualTo("baselineTime");
        assertThat(instant.getMessage()).contains("ISO-8601");

        InvalidInputException waive = invalid(ops::preDeployChecklist, Map.of("waive", "image-scan"));
        assertThat(waive.field()).isEqualTo("waive");
    }

    @Test
    void requiredArgumentsAreRequired() {
        assertThat(invalid(ops::ecsDeploy, Map.of()).field()).isEqualTo("image");
        assertThat(invalid(ops::scale, Map.of()).field()).isEqualTo("count");
    }

    @Test
    void aNullArgumentMapMeansNoArguments() {
        assertThatThrownBy(() -> ops.scale(null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("count");
    }
}
