package io.tdev.ops.checklist;

import io.tdev.ops.api.checklist.ChecklistItem;
import io.tdev.ops.api.checklist.ChecklistRequest;
import io.tdev.ops.api.checklist.ChecklistResult;
import io.tdev.ops.api.checklist.ChecklistUseCase;
import io.tdev.ops.api.checklist.ItemStatus;
import io.tdev.ops.model.TestReport;
import io.tdev.ops.port.TestReports;
import io.tdev.ops.report.JUnitXmlReport;
import io.tdev.ops.report.MarkdownReport;

import io.tdev.ops.support.Durations;
import io.tdev.ops.change.KnownGood;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.support.Waits;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.Action;
import io.tdev.ops.health.AlarmScope;
import io.tdev.ops.model.Alarm;
import io.tdev.ops.model.AlarmState;
import io.tdev.ops.model.ImageScanFindings;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.Severity;
import io.tdev.ops.model.TableBackup;
import io.tdev.ops.model.TaskDefinitionRef;
import io.tdev.ops.model.TdevException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static io.tdev.ops.api.checklist.ChecklistItem.BACKUP;
import static io.tdev.ops.api.checklist.ChecklistItem.IMAGE_SCAN;
import static io.tdev.ops.api.checklist.ChecklistItem.MONITORING;
import static io.tdev.ops.api.checklist.ChecklistItem.ROLLBACK_PLAN;
import static io.tdev.ops.api.checklist.ChecklistItem.TESTS_PASSED;
import static io.tdev.ops.api.checklist.ChecklistItem.TEAM_NOTIFIED;

/**
 * The runbook's six checks before a deploy, each with evidence: all tests pass (JUnit XML reports, read through the
 * {@link TestReports} port), the image scan is clean (ECR findings at or above a severity), a fresh DynamoDB backup
 * exists (or is taken), a known-good revision exists to roll back to, the alarms exist and have data, and the team is
 * notified through SNS. An item that cannot be checked FAILs with why; only the items listed in
 * {@code checklist.waivable} can be waived.
 */
public final class PreDeployChecklist implements ChecklistUseCase {
    static final Duration SCAN_POLL = Duration.ofSeconds(10);
    static final Duration DEFAULT_SCAN_TIMEOUT = Duration.ofMinutes(10);
    private static final DateTimeFormatter BACKUP_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final OpsContext ctx;

    public PreDeployChecklist(OpsContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public ChecklistResult run(ChecklistRequest request) {
        EnvironmentConfig config = ctx.config();
        checkWaivable(request, config);
        Severity threshold = request.scanSeverity() != null ? request.scanSeverity()
                : ChecklistRequest.severity(config.checklist().scanSeverity(), "checklist.scanSeverity");
        int maxAgeHours = request.backupMaxAgeHours() != null ? request.backupMaxAgeHours()
                : config.checklist().backupMaxAgeHours();
        String by = request.waivedBy();
        Instant now = ctx.clock().instant();
        List<Action> actions = new ArrayList<>();

        Map<String, Supplier<ChecklistItem>> checks = new LinkedHashMap<>();
        checks.put(TESTS_PASSED, () -> testsPassed(request));
        checks.put(IMAGE_SCAN, () -> imageScan(request, threshold, actions));
        checks.put(BACKUP, () -> backup(request, maxAgeHours, now, actions));
        checks.put(ROLLBACK_PLAN, this::rollbackPlan);
        checks.put(MONITORING, this::monitoring);

        List<ChecklistItem> items = new ArrayList<>();
        for (Map.Entry<String, Supplier<ChecklistItem>> c : checks.entrySet()) {
            items.add(evaluate(c.getKey(), c.getValue(), request, by));
        }
        items.add(evaluate(TEAM_NOTIFIED, () -> teamNotified(request, items, actions), request, by));
        boolean passed = items.stream().allMatch(i -> i.status() == ItemStatus.PASS || i.status() == ItemStatus.WAIVED);
        Boolean wouldPass = !request.dryRun() ? null : items.stream().allMatch(i -> i.status() == ItemStatus.PASS
                || i.status() == ItemStatus.WAIVED || i.status() == ItemStatus.PLANNED);
        ChecklistResult result = ChecklistResult.of(config.name(), config.ecs().service(), request.image(), passed,
                wouldPass, items, now, actions);
        ctx.progress().report(result.summary());
        return result.rendered(JUnitXmlReport.checklist(result), MarkdownReport.checklist(result));
    }

    private ChecklistItem evaluate(String name, Supplier<ChecklistItem> check, ChecklistRequest request, String by) {
        if (request.waive().containsKey(name)) {
            return ChecklistItem.waived(name, request.waive().get(name), by);
        }
        if (request.skip().contains(name)) {
            return ChecklistItem.skipped(name, "skipped on request");
        }
        if (Thread.currentThread().isInterrupted()) {
            // the caller was aborted (a Jenkins build): nothing more is read, taken or published, and the flag stays
            // set, so the caller ends as an abort, not with this result
            return ChecklistItem.fail(name, "not checked: interrupted");
        }
        try {
            ChecklistItem item = check.get();
            ctx.progress().report("checklist " + name + ": " + item.status() + " (" + item.evidence() + ")");
            return item;
        } catch (TdevException e) {
            return ChecklistItem.fail(name, "could not check: " + e.getMessage());
        }
    }

    /** Which items may be waived is the environment's rule; checked before anything is read. */
    private static void checkWaivable(ChecklistRequest request, EnvironmentConfig config) {
        List<String> waivable = config.checklist().waivable() == null ? List.of() : config.checklist().waivable();
        for (String item : request.waive().keySet()) {
            if (!waivable.contains(item)) {
                throw new InvalidInputException("waive", "'" + item + "' cannot be waived in " + config.name()
                        + "; waivable items: " + (waivable.isEmpty() ? "none" : String.join(", ", waivable)));
            }
        }
    }

    private ChecklistItem testsPassed(ChecklistRequest request) {
        if (request.testReports() == null || request.testReports().isBlank()) {
            return ChecklistItem.fail(TESTS_PASSED, "no test reports given: give a directory or glob of JUnit XML reports");
        }
        List<TestReport> reports = ctx.ports().testReports().read(request.testReports());
        if (reports.isEmpty()) {
            return ChecklistItem.fail(TESTS_PASSED, "no JUnit XML reports found at " + request.testReports());
        }
        TestTotals t = TestTotals.of(reports);
        String counts = t.tests() + " tests in " + t.files() + " report(s): " + t.failures() + " failures, "
                + t.errors() + " errors, " + t.skipped() + " skipped"
                + (t.ignored().isEmpty() ? "" : " (not test reports, ignored: " + String.join(", ", t.ignored()) + ")");
        if (!t.unreadable().isEmpty()) {
            return ChecklistItem.fail(TESTS_PASSED, counts + "; malformed report(s): " + String.join(", ", t.unreadable()));
        }
        if (t.tests() == 0) {
            return ChecklistItem.fail(TESTS_PASSED, "the reports at " + request.testReports() + " contain no test");
        }
        if (!t.passed()) {
            return ChecklistItem.fail(TESTS_PASSED, counts + "; failed: " + String.join(", ", t.failed()));
        }
        return ChecklistItem.pass(TESTS_PASSED, counts);
    }

    /** Repository and tag of an image given as a URI, REPOSITORY:TAG, or a bare tag of the configured repository. */
    static String[] repositoryAndTag(String image, String defaultRepository) {
        String path = image.trim();
        String tag;
        int at = path.indexOf('@');
        int slash = path.lastIndexOf('/');
        int colon = path.lastIndexOf(':');
        if (at >= 0) {
            tag = path.substring(at + 1);
            path = path.substring(0, at);
        } else if (colon > slash) {
            tag = path.substring(colon + 1);
            path = path.substring(0, colon);
        } else if (slash < 0) {
            return new String[]{defaultRepository, path};
        } else {
            tag = "latest";
        }
        int first = path.indexOf('/');
        if (first > 0) {
            String head = path.substring(0, first);
            if (head.contains(".") || head.contains(":") || head.equals("localhost")) {
                path = path.substring(first + 1);
            }
        }
        return new String[]{path, tag};
    }

    private ChecklistItem imageScan(ChecklistRequest request, Severity threshold, List<Action> actions) {
        if (request.image() == null || request.image().isBlank()) {
            return ChecklistItem.fail(IMAGE_SCAN, "no image given: nothing to look up in ECR");
        }
        String[] rt = repositoryAndTag(request.image(), ctx.config().repository());
        String repo = rt[0];
        String tag = rt[1];
        Duration scanTimeout = request.scanTimeout() != null ? request.scanTimeout() : DEFAULT_SCAN_TIMEOUT;
        Optional<ImageScanFindings> existing = findings(repo, tag);
        if (existing.isEmpty()) {
            if (request.dryRun()) {
                actions.add(new Action("start image scan", repo + ":" + tag, "no scan", "scan", ctx.clock().instant(), true));
                return ChecklistItem.skipped(IMAGE_SCAN, "dry run: " + repo + ":" + tag + " has no scan; would start one,"
                        + " and whether it passes is known only when the scan is done");
            }
            ctx.ports().imageScans().startScan(repo, tag);
            actions.add(new Action("start image scan", repo + ":" + tag, "no scan", "scan", ctx.clock().instant(), false));
        }
        ImageScanFindings f = existing.isPresent() && !inProgress(existing.get().status()) ? existing.get()
                : waitForScan(repo, tag, scanTimeout);
        if (inProgress(f.status())) {
            return ChecklistItem.fail(IMAGE_SCAN, "scan of " + repo + ":" + tag + " still " + f.status() + " after "
                    + Durations.format(scanTimeout));
        }
        if (!complete(f.status())) {
            return ChecklistItem.fail(IMAGE_SCAN, "scan of " + repo + ":" + tag + " is " + f.status());
        }
        String counts = Arrays.stream(Severity.values()).filter(sev -> f.counts().getOrDefault(sev, 0) > 0)
                .map(sev -> f.counts().get(sev) + " " + sev).collect(Collectors.joining(", "));
        String found = counts.isEmpty() ? "no findings" : counts;
        int blocking = f.countAtLeast(threshold);
        String evidence = repo + ":" + tag + " scanned" + (f.completedAt() == null ? "" : " at " + f.completedAt())
                + ": " + found + " (threshold: none at " + threshold + " or above)";
        return blocking > 0 ? ChecklistItem.fail(IMAGE_SCAN, blocking + " finding(s) at " + threshold + " or above; " + evidence)
                : ChecklistItem.pass(IMAGE_SCAN, evidence);
    }

    private Optional<ImageScanFindings> findings(String repo, String tag) {
        ImageScanFindings f = ctx.retry().call(() -> ctx.ports().imageScans().findings(repo, tag));
        if (f == null || f.status() == null || f.status().isBlank() || f.status().equalsIgnoreCase("NONE")
                || f.neverScanned()) {
            return Optional.empty();
        }
        return Optional.of(f);
    }

    private ImageScanFindings waitForScan(String repo, String tag, Duration timeout) {
        Instant start = ctx.clock().instant();
        while (true) {
            Optional<ImageScanFindings> f = findings(repo, tag);
            Duration waited = Duration.between(start, ctx.clock().instant());
            String status = f.map(ImageScanFindings::status).orElse("not started");
            if (f.isPresent() && !inProgress(status)) {
                return f.get();
            }
            if (waited.compareTo(timeout) >= 0) {
                return f.orElse(new ImageScanFindings(repo, tag, "IN_PROGRESS", Map.of(), null));
            }
            ctx.progress().report("waiting for the image scan of " + repo + ":" + tag + ": " + status + " ("
                    + Durations.format(waited) + " of " + Durations.format(timeout) + ")");
            Waits.sleep(ctx.sleeper(), SCAN_POLL, "image scan of " + repo + ":" + tag);
        }
    }

    private static boolean inProgress(String status) {
        return status.equalsIgnoreCase("IN_PROGRESS") || status.equalsIgnoreCase("PENDING")
                || status.equalsIgnoreCase("not started");
    }

    private static boolean complete(String status) {
        return status.equalsIgnoreCase("COMPLETE") || status.equalsIgnoreCase("ACTIVE");
    }

    private ChecklistItem backup(ChecklistRequest request, int maxAgeHours, Instant now, List<Action> actions) {
        String table = ctx.config().table().name();
        Instant cutoff = now.minus(Duration.ofHours(maxAgeHours));
        List<TableBackup> backups = ctx.retry().call(() -> ctx.ports().tables().listBackups(table));
        Optional<TableBackup> fresh = backups.stream()
                .filter(b -> !"DELETED".equals(b.status()) && b.createdAt() != null && b.createdAt().isAfter(cutoff))
                .findFirst();
        if (fresh.isPresent()) {
            return ChecklistItem.pass(BACKUP, describe(fresh.get(), now) + " (younger than " + maxAgeHours + "h)");
        }
        String newest = backups.isEmpty() ? "no backup of " + table
                : "newest backup " + describe(backups.get(0), now) + " is older than " + maxAgeHours + "h";
        if (!request.takeBackup()) {
            return ChecklistItem.fail(BACKUP, newest + "; take one first, or ask the checklist to take it");
        }
        String name = "tdev-ops-predeploy-" + BACKUP_STAMP.format(now);
        if (request.dryRun()) {
            actions.add(new Action("create backup", table, newest, name, now, true));
            return ChecklistItem.planned(BACKUP, "dry run: " + newest + "; would take backup " + name);
        }
        TableBackup taken = ctx.ports().tables().createBackup(table, name);
        actions.add(new Action("create backup", table, newest, taken.arn(), ctx.clock().instant(), false));
        return ChecklistItem.pass(BACKUP, "took " + describe(taken, ctx.clock().instant()));
    }

    private static String describe(TableBackup b, Instant now) {
        return b.name() + " (" + b.arn() + ", " + b.status() + ") of " + b.table() + " taken "
                + Durations.format(Duration.between(b.createdAt(), now)) + " ago";
    }

    private ChecklistItem rollbackPlan() {
        TaskDefinitionRef current = ctx.retry().call(() -> ctx.ports().ecs().describeService(ctx.config().serviceRef()))
                .taskDefinition();
        // before a deploy the current revision is itself a valid rollback target, so it is not excluded
        return KnownGood.newest(ctx, current.family(), null)
                .map(m -> ChecklistItem.pass(ROLLBACK_PLAN, m.ref() + " is tagged " + ctx.config().deploy().knownGoodTag()
                        + " (" + m.taggedAs() + "); rollback: tdev-ops rollback --env " + ctx.config().name()
                        + " --target " + m.ref()))
                .orElseGet(() -> ChecklistItem.fail(ROLLBACK_PLAN, "no ACTIVE revision of " + current.family()
                        + " is tagged " + ctx.config().deploy().knownGoodTag() + "; mark the current " + current
                        + " known-good after a passed health check (mark-known-good)"));
    }

    private ChecklistItem monitoring() {
        AlarmScope scope = AlarmScope.of(ctx, () -> ctx.retry().call(() ->
                ctx.ports().ecs().describeService(ctx.config().serviceRef())).targetGroupArns());
        List<Alarm> alarms = ctx.retry().call(() -> ctx.ports().alarms().alarms(null, Optional.empty())).stream()
                .filter(scope::contains).toList();
        if (alarms.isEmpty()) {
            return ChecklistItem.fail(MONITORING, "no CloudWatch alarm " + scope.describe());
        }
        List<String> noData = alarms.stream().filter(a -> a.state() == AlarmState.INSUFFICIENT_DATA)
                .map(Alarm::name).toList();
        long inAlarm = alarms.stream().filter(a -> a.state() == AlarmState.ALARM).count();
        String counts = alarms.size() + " alarms " + scope.describe() + " (" + inAlarm + " in ALARM, " + noData.size()
                + " INSUFFICIENT_DATA)";
        return noData.isEmpty() ? ChecklistItem.pass(MONITORING, counts)
                : ChecklistItem.fail(MONITORING, counts + "; without data: " + String.join(", ", noData));
    }

    private ChecklistItem teamNotified(ChecklistRequest request, List<ChecklistItem> before, List<Action> actions) {
        if (!request.notifyTeam()) {
            return ChecklistItem.fail(TEAM_NOTIFIED, "not notified (asked not to); waive it with a reason if the team"
                    + " was told another way");
        }
        String topic = ctx.config().topic();
        boolean others = before.stream().allMatch(i -> i.status() == ItemStatus.PASS || i.status() == ItemStatus.WAIVED
                || i.status() == ItemStatus.PLANNED);
        String subject = "[" + ctx.config().name() + "] pre-deploy checklist of " + ctx.config().ecs().service() + ": "
                + (others ? "ready" : "NOT ready");
        if (subject.length() > 100) {
            subject = subject.substring(0, 97) + "...";
        }
        StringBuilder body = new StringBuilder("Pre-deploy checklist of " + ctx.config().serviceRef() + " ("
                + ctx.config().name() + ") by " + ctx.user() + " at " + ctx.clock().instant() + "\n");
        if (request.image() != null) {
            body.append("image: ").append(request.image()).append('\n');
        }
        for (ChecklistItem i : before) {
            body.append("- ").append(i.name()).append(": ").append(i.status()).append(" (").append(i.evidence()).append(")\n");
        }
        if (request.message() != null && !request.message().isBlank()) {
            body.append('\n').append(request.message()).append('\n');
        }
        if (request.dryRun()) {
            actions.add(new Action("notify", topic, null, subject, ctx.clock().instant(), true));
            return ChecklistItem.planned(TEAM_NOTIFIED, "dry run: would publish \"" + subject + "\" to " + topic);
        }
        String id = ctx.ports().notifier().publish(topic, subject, body.toString());
        actions.add(new Action("notify", topic, null, "message " + id, ctx.clock().instant(), false));
        return ChecklistItem.pass(TEAM_NOTIFIED, "published to " + topic + ": message id " + id);
    }
}
