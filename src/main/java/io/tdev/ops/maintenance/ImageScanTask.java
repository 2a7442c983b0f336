package io.tdev.ops.maintenance;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.maintenance.MaintenanceRequest;
import io.tdev.ops.api.maintenance.MaintenanceResult.TaskResult;
import io.tdev.ops.api.maintenance.MaintenanceResult.TaskStatus;
import io.tdev.ops.model.Action;
import io.tdev.ops.model.ImageDetail;
import io.tdev.ops.model.ImageScanFindings;
import io.tdev.ops.model.Severity;
import io.tdev.ops.support.Durations;
import io.tdev.ops.support.Retry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * image-scan: the repository's images by push date; scan findings by severity for the newest
 * {@code schedule.maintenance.scanImages}. An image never scanned gets a scan (not in a dry run), waited for with
 * progress up to {@code scanTimeoutMinutes}. FINDINGS when any image has findings at or above
 * {@code checklist.scanSeverity}.
 */
final class ImageScanTask implements MaintenanceTask {
    private static final Duration POLL = Duration.ofSeconds(15);

    private final OpsContext context;

    ImageScanTask(OpsContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "image-scan";
    }

    @Override
    public TaskResult run(MaintenanceRequest request) throws InterruptedException {
        String repository = context.config().repository();
        Severity threshold = Severity.valueOf(context.config().checklist().scanSeverity());
        Retry retry = Retry.reads(context.sleeper());
        List<ImageDetail> images = retry.call(() -> context.ports().imageScans().images(repository));
        List<ImageDetail> newest = images.stream().filter(i -> !i.tags().isEmpty())
                .limit(context.config().schedule().maintenance().scanImages()).toList();
        List<String> findings = new ArrayList<>();
        List<Action> actions = new ArrayList<>();
        int flagged = 0;
        int unscanned = 0;
        for (ImageDetail image : newest) {
            String tag = image.tags().get(0);
            ImageScanFindings scan = retry.call(() -> context.ports().imageScans().findings(repository, tag));
            if (scan.neverScanned()) {
                if (request.dryRun()) {
                    actions.add(new Action("start image scan", repository + ":" + tag, "never scanned", "scan started",
                            context.clock().instant(), true));
                    findings.add(tag + ": never scanned (a real run starts a scan)");
                    continue;
                }
                context.ports().imageScans().startScan(repository, tag);
                actions.add(new Action("start image scan", repository + ":" + tag, "never scanned", "scan started",
                        context.clock().instant(), false));
                scan = waitForScan(repository, tag, retry);
            }
            if (!"COMPLETE".equals(scan.status())) {
                findings.add(tag + ": scan " + scan.status());
                unscanned++;
                continue;
            }
            int atLeast = scan.countAtLeast(threshold);
            if (atLeast > 0) {
                flagged++;
            }
            findings.add(tag + " (pushed " + image.pushedAt() + "): " + counts(scan.counts())
                    + (atLeast > 0 ? " - " + atLeast + " at or above " + threshold : ""));
        }
        String summary = images.size() + " image(s) in " + repository + "; newest " + newest.size() + " checked: "
                + flagged + " with findings at or above " + threshold + (unscanned > 0 ? ", " + unscanned + " without a complete scan" : "");
        // findings (or a scan that did not complete) need a person; else a started scan is the change
        TaskStatus status = flagged > 0 || unscanned > 0 ? TaskStatus.FINDINGS
                : actions.isEmpty() ? TaskStatus.OK : request.dryRun() ? TaskStatus.PLANNED : TaskStatus.CHANGED;
        return new TaskResult(name(), status, summary, findings, actions);
    }

    private ImageScanFindings waitForScan(String repository, String tag, Retry retry) throws InterruptedException {
        Duration timeout = Duration.ofMinutes(context.config().schedule().maintenance().scanTimeoutMinutes());
        Instant start = context.clock().instant();
        while (true) {
            ImageScanFindings scan = retry.call(() -> context.ports().imageScans().findings(repository, tag));
            Duration waited = Duration.between(start, context.clock().instant());
            if (!"IN_PROGRESS".equals(scan.status()) || waited.compareTo(timeout) >= 0) {
                return scan;
            }
            context.progress().report("waiting for the image scan of " + repository + ":" + tag + ": IN_PROGRESS ("
                    + Durations.format(waited) + " of " + Durations.format(timeout) + ")");
            context.sleeper().sleep(POLL);
        }
    }

    private static String counts(Map<Severity, Integer> counts) {
        Map<Severity, Integer> sorted = new TreeMap<>(counts);
        List<String> parts = new ArrayList<>();
        sorted.forEach((s, n) -> {
            if (n > 0) {
                parts.add(s + " " + n);
            }
        });
        return parts.isEmpty() ? "no findings" : String.join(", ", parts);
    }
}
