package io.tdev.ops.cli;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.checklist.ChecklistRequest;
import io.tdev.ops.api.checklist.ChecklistResult;
import io.tdev.ops.api.checklist.ChecklistUseCase;
import io.tdev.ops.model.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

@Command(name = "checklist", mixinStandardHelpOptions = true,
        header = "The pre-deploy checklist, each item with evidence.",
        description = {"The runbook's pre-deploy checklist, each item with evidence: tests-passed (JUnit XML reports),"
                + " image-scan (ECR findings at or above a severity), backup (a fresh DynamoDB on-demand backup, or"
                + " take one), rollback-plan (a known-good revision exists), monitoring (alarms exist, none"
                + " INSUFFICIENT_DATA), team-notified (SNS message id).",
                "Each item is PASS, FAIL, WAIVED (reason, who), SKIPPED or (dry run) PLANNED: the real run would pass it by"
                        + " doing it (take the backup, notify the team). The gate passes when every item is PASS or"
                        + " WAIVED; a dry run would pass when every item is PASS, WAIVED or PLANNED."},
        footer = {"",
                "Exit: 0 the gate passed (with --dry-run: would pass); 1 an item failed (would fail); 2 invalid input;"
                        + " 3 remote failure.",
                "JSON: {passed, wouldPass (dry run only), items[{name, status, evidence, reason, by}], junitXml,"
                        + " markdown}",
                "",
                "Examples:",
                "  tdev-ops checklist --simulate --test-reports target/surefire-reports"
                        + " --image t-developer-backend-production:2.1.0",
                "  tdev-ops checklist --test-reports build/test-results --take-backup"
                        + " --junit-xml checklist.xml",
                "  tdev-ops checklist --waive image-scan=\"CVE-2026-1234 not reachable\" --waived-by alice"
                        + " --skip team-notified --output markdown"})
public final class ChecklistCommand extends OutcomeCommand<ChecklistResult> {
    @Option(names = "--image", paramLabel = "IMAGE", description = "The image about to be deployed (its scan is checked).")
    String image;

    @Option(names = "--test-reports", paramLabel = "DIR",
            description = "Directory (or glob) of JUnit XML reports: every test must have passed.")
    String testReports;

    @Option(names = "--backup-max-age-hours", paramLabel = "N",
            description = "A backup younger than this is fresh (default: the config's checklist.backupMaxAgeHours).")
    Integer backupMaxAgeHours;

    @Option(names = "--take-backup", description = "Take an on-demand backup when none is fresh.")
    boolean takeBackup;

    @Option(names = "--scan-severity", paramLabel = "SEVERITY",
            description = "Findings at or above this fail the scan: CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL"
                    + " (default: the config's checklist.scanSeverity).")
    String scanSeverity;

    @Option(names = "--waive", paramLabel = "ITEM=REASON",
            description = "Waive an item with a reason (repeatable; only the config's checklist.waivable items).")
    Map<String, String> waive;

    @Option(names = "--waived-by", paramLabel = "NAME", description = "Who approved the waivers (required with --waive).")
    String waivedBy;

    @Option(names = "--skip", paramLabel = "ITEM", split = ",", description = "Items not to check (repeatable).")
    List<String> skip;

    @Option(names = "--no-notify",
            description = "Do not notify the team through the alert topic (the team-notified item then fails unless"
                    + " skipped or waived).")
    boolean noNotify;

    @Option(names = "--message", paramLabel = "TEXT", description = "The notification's text.")
    String message;

    @Option(names = "--scan-timeout-minutes", paramLabel = "N",
            description = "Wait at most N minutes for the image scan to finish.")
    Integer scanTimeoutMinutes;

    @Option(names = "--junit-xml", paramLabel = "FILE",
            description = "Also write the checklist as JUnit XML (one test per item) to FILE.")
    Path junitXml;

    @Option(names = "--dry-run", description = "Check only: take no backup, start no scan, send no notification;"
            + " report whether the real run would pass.")
    boolean dryRun;

    @Override
    protected ChecklistResult run(OpsContext context) {
        checkJunitXmlWritable();
        return ChecklistUseCase.over(context).run(request());
    }

    /** The options as the use case's request (checked as it is made). */
    ChecklistRequest request() {
        return new ChecklistRequest(image, testReports, backupMaxAgeHours, takeBackup,
                ChecklistRequest.scanSeverity(scanSeverity), waive, waivedBy, skip, !noNotify, message, dryRun,
                scanTimeoutMinutes == null ? null : Duration.ofMinutes(scanTimeoutMinutes));
    }

    /** A file the JUnit XML cannot be written to is invalid input before any item is checked or anything published. */
    private void checkJunitXmlWritable() {
        if (junitXml == null) {
            return;
        }
        Path target = junitXml.toAbsolutePath();
        Path parent = target.getParent();
        if (Files.isDirectory(target)) {
            throw new InvalidInputException("--junit-xml", "got '" + junitXml + "', a directory; allowed: a file path");
        }
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)
                || (Files.exists(target) && !Files.isWritable(target))) {
            throw new InvalidInputException("--junit-xml", "got '" + junitXml + "'; cannot write there ("
                    + (parent == null || !Files.isDirectory(parent) ? "no directory " + parent : "not writable")
                    + "); allowed: a file in an existing, writable directory. Nothing was checked or published");
        }
    }

    @Override
    protected void afterResult(ChecklistResult result) {
        if (junitXml == null) {
            return;
        }
        try {
            Files.writeString(junitXml, result.junitXml());
        } catch (IOException e) {
            throw new InvalidInputException("--junit-xml", "cannot write " + junitXml + ": " + e.getMessage());
        }
    }

    @Override
    protected int exitCode(ChecklistResult result) {
        // a dry run passes nothing; it exits 0 when the real run would pass
        boolean verdict = result.dryRun() ? result.wouldPass() : result.passed();
        return verdict ? 0 : 1;
    }
}
