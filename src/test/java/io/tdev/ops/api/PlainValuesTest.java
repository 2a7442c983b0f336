package io.tdev.ops.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlainValuesTest {
    enum Status { MET, MISSED }

    record Slo(String name, double objective, Optional<Double> actual, Status status) {
    }

    record Report(LocalDate from, Instant at, Duration took, List<Slo> slos, Map<String, Integer> counts,
                  boolean ok) {
    }

    @Test
    void aResultRecordBecomesMapsListsAndScalarsKeyedByItsComponentsInOrder() {
        Report report = new Report(LocalDate.of(2026, 11, 30), Instant.parse("2026-12-07T09:00:00Z"),
                Duration.ofSeconds(90), List.of(new Slo("availability", 99.5, Optional.of(99.9), Status.MET),
                new Slo("pipeline-p95", 45, Optional.empty(), Status.MISSED)), Map.of("success", 3), true);

        Map<String, Object> plain = PlainValues.map(report);

        assertThat(plain).containsOnlyKeys("from", "at", "took", "slos", "counts", "ok");
        assertThat(List.copyOf(plain.keySet())).containsExactly("from", "at", "took", "slos", "counts", "ok");
        assertThat(plain.get("from")).isEqualTo("2026-11-30");
        assertThat(plain.get("at")).isEqualTo("2026-12-07T09:00:00Z");
        assertThat(plain.get("took")).isEqualTo("PT1M30S");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> slos = (List<Map<String, Object>>) plain.get("slos");
        assertThat(slos.get(0)).isEqualTo(Map.of("name", "availability", "objective", 99.5, "actual", 99.9,
                "status", "MET"));
        assertThat(slos.get(1)).containsEntry("status", "MISSED").containsEntry("actual", null)
                .containsEntry("objective", 45.0);
        assertThat(plain.get("counts")).isEqualTo(Map.of("success", 3));
        assertThat(plain.get("ok")).isEqualTo(true);
    }

    record Verdict(boolean passed, @PlainValues.OmittedWhenNull Boolean wouldPass, String image) {
    }

    @Test
    void aComponentOmittedWhenNullIsAKeyOnlyWhileItHasAValue() {
        assertThat(List.copyOf(PlainValues.map(new Verdict(false, true, null)).keySet()))
                .containsExactly("passed", "wouldPass", "image");
        assertThat(List.copyOf(PlainValues.map(new Verdict(true, null, null)).keySet()))
                .containsExactly("passed", "image");
    }

    @Test
    void aValueThatIsNeitherPlainNorARecordIsRefusedWhereItIsMade() {
        assertThatThrownBy(() -> PlainValues.of(new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object");
    }
}
