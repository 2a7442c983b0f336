package io.tdev.ops.api.checklist;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.Severity;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the pre-deploy checklist checks and may do. Checked when made, before anything is read: an error names the
 * field as the CLI option's camelCase ({@code backupMaxAgeHours} for {@code --backup-max-age-hours}) and what is
 * allowed. Which items the environment lets be waived ({@code checklist.waivable}) the use case checks, as only it
 * knows the environment; that too before anything is read.
 *
 * @param image             the image about to be deployed: an ECR URI, REPOSITORY:TAG, or a TAG of the configured
 *                          repository; null: image-scan FAILs (nothing to look up)
 * @param testReports       a directory, file or glob of JUnit XML reports, relative to where the test reports are
 *                          read (the working directory, the Jenkins workspace); null: tests-passed FAILs
 * @param backupMaxAgeHours a backup younger than this is fresh; null: the config's {@code checklist.backupMaxAgeHours}
 * @param takeBackup        take an on-demand backup when none is fresh
 * @param scanSeverity      findings at or above this fail the scan; null: the config's {@code checklist.scanSeverity}
 * @param waive             item → reason (in the order given)
 * @param waivedBy          who approved the waivers; required with {@code waive}
 * @param skip              items not to check (SKIPPED, which is not a pass)
 * @param notifyTeam        publish the checklist to the environment's SNS topic (the step's {@code notify})
 * @param message           extra text for the team's notification
 * @param dryRun            take no backup, start no scan, publish nothing; {@code wouldPass} says what the real run
 *                          would do
 * @param scanTimeout       wait at most this for an image scan ({@code scanTimeoutMinutes}); null: 10 minutes
 */
public record ChecklistRequest(String image, String testReports, Integer backupMaxAgeHours, boolean takeBackup,
                               Severity scanSeverity, Map<String, String> waive, String waivedBy, List<String> skip,
                               boolean notifyTeam, String message, boolean dryRun, Duration scanTimeout) {
    public ChecklistRequest {
        waive = waive == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(waive));
        skip = skip == null ? List.of() : List.copyOf(skip);
        for (String item : skip) {
            if (!ChecklistItem.NAMES.contains(item)) {
                throw InvalidInputException.notAllowed("skip", item, ChecklistItem.NAMES);
            }
        }
        for (Map.Entry<String, String> w : waive.entrySet()) {
            if (!ChecklistItem.NAMES.contains(w.getKey())) {
                throw InvalidInputException.notAllowed("waive", w.getKey(), ChecklistItem.NAMES);
            }
            if (w.getValue() == null || w.getValue().isBlank()) {
                throw new InvalidInputException("waive." + w.getKey(), "a waiver needs a reason");
            }
            if (skip.contains(w.getKey())) {
                throw new InvalidInputException("skip", "'" + w.getKey() + "' is both waived and skipped; choose one");
            }
        }
        if (!waive.isEmpty() && (waivedBy == null || waivedBy.isBlank())) {
            throw new InvalidInputException("waivedBy", "is required with waive: who approved waiving "
                    + String.join(", ", waive.keySet()) + " (recorded in the checklist)");
        }
        if (backupMaxAgeHours != null && backupMaxAgeHours < 1) {
            throw new InvalidInputException("backupMaxAgeHours", "must be a whole number of 1 or more, got "
                    + backupMaxAgeHours);
        }
        if (scanTimeout != null && (scanTimeout.isNegative() || scanTimeout.isZero())) {
            long millis = scanTimeout.toMillis();
            throw new InvalidInputException("scanTimeoutMinutes", "must be more than 0, got "
                    + (millis % 60_000 == 0 ? String.valueOf(millis / 60_000) : String.valueOf(millis / 60_000.0)));
        }
    }

    /** Every item checked, the environment's defaults, the team notified: what a release asks before a deploy. */
    public static ChecklistRequest of(String image, String testReports) {
        return new ChecklistRequest(image, testReports, null, false, null, Map.of(), null, List.of(), true, null,
                false, null);
    }

    /** A severity as typed (any case); null or blank: the config's default. */
    public static Severity scanSeverity(String text) {
        return severity(text, "scanSeverity");
    }

    /** {@code text} as a severity, else invalid input naming {@code field} and the severities. */
    public static Severity severity(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Severity.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.notAllowed(field, text, Arrays.asList(Severity.values()));
        }
    }
}
