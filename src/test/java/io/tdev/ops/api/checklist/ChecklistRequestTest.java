package io.tdev.ops.api.checklist;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A request checks itself when made, naming the field (the CLI option's camelCase) and what is allowed. */
class ChecklistRequestTest {
    private static ChecklistRequest request(Map<String, String> waive, String waivedBy, List<String> skip,
                                            Integer backupMaxAgeHours, Duration scanTimeout) {
        return new ChecklistRequest("repo:1", "reports", backupMaxAgeHours, false, null, waive, waivedBy, skip, true,
                null, false, scanTimeout);
    }

    private static void refused(Executable make, String field, String... says) {
        assertThatThrownBy(make::execute).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(says);
        });
    }

    @Test
    void unknownItemsAreRefusedListingTheSix() {
        String six = "tests-passed, image-scan, backup, rollback-plan, monitoring, team-notified";
        refused(() -> request(null, null, List.of("load-test"), null, null), "skip", "got 'load-test'", six);
        refused(() -> request(Map.of("coffee", "none"), "bob", null, null, null), "waive", "got 'coffee'", six);
    }

    @Test
    void aWaiverNeedsAReasonWhoApprovedItAndNotAlsoASkip() {
        refused(() -> request(Map.of("image-scan", " "), "bob", null, null, null), "waive.image-scan",
                "a waiver needs a reason");
        refused(() -> request(Map.of("image-scan", "INC-1"), null, null, null, null), "waivedBy",
                "is required with waive", "image-scan");
        refused(() -> request(Map.of("image-scan", "INC-1"), "bob", List.of("image-scan"), null, null), "skip",
                "'image-scan' is both waived and skipped");
    }

    @Test
    void agesAndTimeoutsMustBePositive() {
        refused(() -> request(null, null, null, 0, null), "backupMaxAgeHours",
                "must be a whole number of 1 or more, got 0");
        refused(() -> request(null, null, null, null, Duration.ZERO), "scanTimeoutMinutes", "must be more than 0, got 0");
    }

    @Test
    void aSeverityIsReadInAnyCaseAndAnUnknownOneListsTheSeverities() {
        assertThat(ChecklistRequest.scanSeverity("high")).isEqualTo(Severity.HIGH);
        assertThat(ChecklistRequest.scanSeverity(" ")).isNull();
        refused(() -> ChecklistRequest.scanSeverity("SEVERE"), "scanSeverity", "got 'SEVERE'",
                "CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL");
    }

    @Test
    void waiversKeepTheirOrderAndTheDefaultsCheckEveryItemAndNotifyTheTeam() {
        Map<String, String> waive = new LinkedHashMap<>();
        waive.put("team-notified", "stand-up");
        waive.put("image-scan", "INC-1");
        ChecklistRequest r = request(waive, "bob", null, 12, Duration.ofMinutes(5));
        ChecklistRequest defaults = ChecklistRequest.of("repo:1", "reports");

        assertThat(r.waive().keySet()).containsExactly("team-notified", "image-scan");
        assertThat(defaults.skip()).isEmpty();
        assertThat(defaults.waive()).isEmpty();
        assertThat(defaults.notifyTeam()).isTrue();
        assertThat(defaults.dryRun()).isFalse();
    }
}
