package io.tdev.ops.api.change;

import io.tdev.ops.model.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScaleCountTest {
    private static final Map<String, String> PRESETS = Map.of("p0", "10", "p1", "+2");

    @Test
    void absoluteDeltaAndPresetCounts() {
        assertThat(ScaleCount.parse("6", PRESETS).applyTo(3)).isEqualTo(6);
        assertThat(ScaleCount.parse("+2", PRESETS).applyTo(3)).isEqualTo(5);
        assertThat(ScaleCount.parse("-1", PRESETS).applyTo(3)).isEqualTo(2);
        assertThat(ScaleCount.parse("P0", PRESETS).applyTo(3)).isEqualTo(10);
        ScaleCount p1 = ScaleCount.parse("p1", PRESETS);
        assertThat(p1.delta()).isTrue();
        assertThat(p1.preset()).isEqualTo("p1");
        assertThat(p1.applyTo(4)).isEqualTo(6);
    }

    @Test
    void garbageIsInvalidInputListingTheFormsAndPresets() {
        assertThatThrownBy(() -> ScaleCount.parse("lots", PRESETS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("count:").hasMessageContaining("+N").hasMessageContaining("p0 (10)")
                .hasMessageContaining("p1 (+2)");
    }

    @Test
    void aBrokenPresetNamesTheConfigField() {
        assertThatThrownBy(() -> ScaleCount.parse("p9", Map.of("p9", "many")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("scalePresets.p9:");
    }
}
