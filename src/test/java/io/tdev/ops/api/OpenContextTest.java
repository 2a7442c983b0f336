package io.tdev.ops.api;

import io.tdev.ops.config.ConfigLoader;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.sim.SimEnvironment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the front ends open an environment with, and the instant parser they share. */
class OpenContextTest {

    private static OpsContext context() {
        EnvironmentConfig config = ConfigLoader.load("staging", null);
        SimEnvironment sim = SimEnvironment.scenario("healthy", config);
        return new OpsContext(config, sim.ports(), sim.clock(), sim.sleeper(), Progress.NONE, "test");
    }

    @Test
    void closingClosesItsOwnResourcesThenTheAddedOnesEvenWhenItsOwnFailToClose() {
        List<String> closed = new ArrayList<>();
        OpenContext opened = new OpenContext(context(), () -> {
            closed.add("clients");
            throw new IllegalStateException("clients would not close");
        }).alsoClosing(() -> closed.add("credentials"));

        assertThatThrownBy(opened::close).hasMessage("clients would not close");
        assertThat(closed).containsExactly("clients", "credentials");
    }

    @Test
    void aSimulationHasNothingOfItsOwnToClose() throws Exception {
        List<String> closed = new ArrayList<>();
        try (OpenContext opened = new OpenContext(context(), null).alsoClosing(() -> closed.add("credentials"))) {
            assertThat(opened.context().user()).isEqualTo("test");
        }
        assertThat(closed).containsExactly("credentials");
    }

    @Test
    void anInstantIsIsoTextBlankIsNoneAndAnythingElseNamesTheField() {
        assertThat(IsoInstant.parse("baselineTime", " 2026-01-31T09:00:00Z ")).isEqualTo(
                Instant.parse("2026-01-31T09:00:00Z"));
        assertThat(IsoInstant.parse("baselineTime", " ")).isNull();
        assertThat(IsoInstant.parse("baselineTime", null)).isNull();
        assertThatThrownBy(() -> IsoInstant.parse("baselineTime", "yesterday"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("baselineTime: got 'yesterday'; allowed: an ISO-8601 instant such as 2026-01-31T09:00:00Z");
    }
}
