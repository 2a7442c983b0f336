package io.tdev.ops.checklist;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.checklist.ChecklistItem;
import io.tdev.ops.api.checklist.ChecklistRequest;
import io.tdev.ops.api.checklist.ChecklistResult;
import io.tdev.ops.api.checklist.ChecklistUseCase;
import io.tdev.ops.api.checklist.ItemStatus;

import io.tdev.ops.model.ImageScanFindings;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.Severity;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.port.ImageScans;
import io.tdev.ops.port.TestReports;
import io.tdev.ops.port.OpsPorts;
import io.tdev.ops.sim.Api;
import io.tdev.ops.sim.SimEnvironment;
import io.tdev.ops.testing.InMemoryTestReports;
import io.tdev.ops.testing.SimRun;
import io.tdev.ops.testing.TestConfigs;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreDeployChecklistScenarioTest {
    /** The build's reports, in memory: where they are read from is the TestReports port's business. */
    private final InMemoryTestReports workspace = new InMemoryTestReports();

    private void reports(int pass, int fail) {
        workspace.add("target/surefire-reports/TEST-app.xml", InMemoryTestReports.suite("app.AppTest", pass, fail, 0, 0));
    }

    /** The use case on the run's simulated environment, reading this test's reports. */
    private ChecklistUseCase checklist(SimRun run) {
        return checklist(run.ctx);
    }

    private ChecklistUseCase checklist(OpsContext ctx) {
        return ChecklistUseCase.over(new OpsContext(ctx.config(), ctx.ports().withTestReports(workspace), ctx.clock(),
                ctx.sleeper(), ctx.progress(), ctx.user()));
    }

    private ChecklistRequest request(SimRun run) {
        return ChecklistRequest.of(run.sim.imageUri("2.0.43"), "target/surefire-reports");
    }

    private static ChecklistRequest with(ChecklistRequest r, Function<Builder, Builder> change) {
        return change.apply(new Builder(r)).build();
    }

    /** Changes one field of a request at a time, keeping the tests readable. */
    private static final class Builder {
        String image;
        String testReports;
        Integer maxAge;
        boolean takeBackup;
        String severity;
        Map<String, String> waive;
        String by;
        List<String> skip;
        boolean notify;
        String message;
        boolean dryRun;

        Builder(ChecklistRequest r) {
            image = r.image();
            testReports = r.testReports();
            maxAge = r.backupMaxAgeHours();
            takeBackup = r.takeBackup();
            severity = r.scanSeverity() == null ? null : r.scanSeverity().name();
            waive = r.waive();
            by = r.waivedBy();
            skip = r.skip();
            notify = r.notifyTeam();
            message = r.message();
            dryRun = r.dryRun();
        }

        ChecklistRequest build() {
            return new ChecklistRequest(image, testReports, maxAge, takeBackup, ChecklistRequest.scanSeverity(severity),
                    waive, by, skip, notify, message, dryRun, null);
        }
    }

    private static Map<String, ChecklistItem> items(ChecklistResult r) {
        return r.items().stream().collect(Collectors.toMap(ChecklistItem::name, Function.identity()));
    }

    @Test
    void everyItemPassesWithEvidenceOnAHealthyEnvironment() {
        reports(12, 0);
        SimRun run = SimRun.scenario("healthy");

        ChecklistResult r = checklist(run).run(request(run));

        assertThat(r.items()).extracting(ChecklistItem::name).containsExactlyElementsOf(ChecklistItem.NAMES);
        assertThat(r.items()).allMatch(i -> i.status() == ItemStatus.PASS);
        assertThat(r.passed()).isTrue();
        Map<String, ChecklistItem> i = items(r);
        assertThat(i.get("tests-passed").evidence()).startsWith("12 tests in 1 report(s): 0 failures");
        assertThat(i.get("image-scan").evidence()).contains("t-developer-backend-production:2.0.43")
                .contains("2 MEDIUM").contains("threshold: none at HIGH or above");
        assertThat(i.get("backup").evidence()).contains("taken 6h ago");
        assertThat(i.get("rollback-plan").evidence()).contains("t-developer-backend-production:42 is tagged tdev:known-good");
        assertThat(i.get("monitoring").evidence()).contains("0 INSUFFICIENT_DATA");
        String messageId = run.sim.notifications().get(0).messageId();
        assertThat(i.get("team-notified").evidence()).contains("message id " + messageId);
        assertThat(run.sim.notifications().get(0).message()).contains("image-scan: PASS").contains("by alice");
    }

    @Test
    void failingTestsAndMissingReportsFailTheTestsItem() {
        SimRun run = SimRun.scenario("healthy");

        ChecklistResult none = checklist(run).run(request(run));
        reports(10, 2);
        ChecklistResult failing = checklist(run).run(request(run));
        ChecklistResult notGiven = checklist(run).run(with(request(run), b -> {
            b.testReports = null;
            return b;
        }));

        assertThat(items(none).get("tests-passed").status()).isEqualTo(ItemStatus.FAIL);
        assertThat(items(none).get("tests-passed").evidence()).contains("no JUnit XML reports found");
        ChecklistItem t = items(failing).get("tests-passed");
        assertThat(t.status()).isEqualTo(ItemStatus.FAIL);
        assertThat(t.evidence()).contains("12 tests").contains("2 failures").contains("app.AppTest.fails0");
        assertThat(items(notGiven).get("tests-passed").evidence()).contains("no test reports given");
        assertThat(failing.passed()).isFalse();
    }

    @Test
    void findingsAtOrAboveTheSeverityThresholdFailTheScan() {
        reports(3, 0);
        SimRun run = SimRun.scenario("scan-findings");

        ChecklistResult high = checklist(run).run(request(run));
        ChecklistResult critical = checklist(run).run(with(request(run), b -> {
            b.severity = "critical";
            return b;
        }));

        ChecklistItem scan = items(high).get("image-scan");
        assertThat(scan.status()).isEqualTo(ItemStatus.FAIL);
        assertThat(scan.evidence()).startsWith("4 finding(s) at HIGH or above").contains("1 CRITICAL, 3 HIGH");
        assertThat(items(critical).get("image-scan").evidence()).startsWith("1 finding(s) at CRITICAL or above");
        assertThatThrownBy(() -> checklist(run).run(with(request(run), b -> {
            b.severity = "SEVERE";
            return b;
        }))).isInstanceOf(InvalidInputException.class).hasMessageContaining("scanSeverity: got 'SEVERE'")
                .hasMessageContaining("CRITICAL, HIGH, MEDIUM");
    }

    @Test
    void anImageNeverScannedIsScannedAndWaitedFor() {
        reports(3, 0);
        SimEnvironment sim = SimEnvironment.scenario("healthy", TestConfigs.production());
        NeverScanned scans = new NeverScanned(sim);
        OpsPorts p = sim.ports();
        OpsPorts ports = p.withImageScans(scans);
        List<String> progress = new ArrayList<>();
        OpsContext ctx = new OpsContext(sim.config(), ports, sim.clock(), sim.sleeper(), progress::add, "alice");

        ChecklistResult r = checklist(ctx).run(ChecklistRequest.of("2.0.43", "target/surefire-reports"));

        ChecklistItem scan = items(r).get("image-scan");
        assertThat(scan.status()).isEqualTo(ItemStatus.PASS);
        assertThat(scans.started).containsExactly("t-developer-backend-production:2.0.43");
        assertThat(r.actions()).anyMatch(a -> a.what().equals("start image scan"));
        assertThat(progress).anyMatch(l -> l.startsWith("waiting for the image scan of t-developer-backend-production:2.0.43: IN_PROGRESS"));
    }

    /** ECR before the first scan of an image: ScanNotFoundException, then IN_PROGRESS for a minute. */
    private static final class NeverScanned implements ImageScans {
        final SimEnvironment sim;
        final List<String> started = new ArrayList<>();
        Instant startedAt;

        NeverScanned(SimEnvironment sim) {
            this.sim = sim;
        }

        @Override
        public void startScan(String repository, String imageTag) {
            started.add(repository + ":" + imageTag);
            startedAt = sim.now();
        }

        @Override
        public ImageScanFindings findings(String repository, String imageTag) {
            if (startedAt == null) {
                return ImageScanFindings.notScanned(repository, imageTag);
            }
            if (sim.now().isBefore(startedAt.plus(Duration.ofMinutes(1)))) {
                return new ImageScanFindings(repository, imageTag, "IN_PROGRESS", Map.of(), null);
            }
            return new ImageScanFindings(repository, imageTag, "COMPLETE", Map.of(Severity.LOW, 1), sim.now());
        }

        @Override
        public List<io.tdev.ops.model.ImageDetail> images(String repository) {
            return sim.ports().imageScans().images(repository);
        }

        @Override
        public java.util.Optional<io.tdev.ops.model.ImageDetail> image(io.tdev.ops.model.EcrImage image) {
            return sim.ports().imageScans().image(image);
        }
    }

    @Test
    void aStaleBackupFailsUnlessOneIsTaken() {
        reports(3, 0);
        SimRun run = SimRun.scenario("stale-backup");
        int before = run.sim.backups().size();

        ChecklistResult stale = checklist(run).run(request(run));
        ChecklistResult taken = checklist(run).run(with(request(run), b -> {
            b.takeBackup = true;
            return b;
        }));

        assertThat(items(stale).get("backup").status()).isEqualTo(ItemStatus.FAIL);
        assertThat(items(stale).get("backup").evidence()).contains("older than 24h").contains("ask the checklist to take it");
        assertThat(items(taken).get("backup").status()).isEqualTo(ItemStatus.PASS);
        assertThat(items(taken).get("backup").evidence()).startsWith("took tdev-ops-predeploy-");
        assertThat(run.sim.backups()).hasSize(before + 1);
        assertThat(taken.actions()).anyMatch(a -> a.what().equals("create backup") && !a.dryRun());
    }

    @Test
    void noKnownGoodRevisionFailsTheRollbackPlan() {
        reports(3, 0);
        SimRun run = SimRun.scenario("no-known-good");

        ChecklistItem plan = items(checklist(run).run(request(run))).get("rollback-plan");

        assertThat(plan.status()).isEqualTo(ItemStatus.FAIL);
        assertThat(plan.evidence()).contains("no ACTIVE revision").contains("mark-known-good");
    }

    @Test
    void alarmsWithoutDataFailMonitoring() {
        reports(3, 0);
        SimRun run = SimRun.scenario("alarm-storm");

        ChecklistItem monitoring = items(checklist(run).run(request(run))).get("monitoring");

        assertThat(monitoring.status()).isEqualTo(ItemStatus.FAIL);
        assertThat(monitoring.evidence()).contains("1 INSUFFICIENT_DATA").contains("t-developer-production-xray-sampling");
    }

    @Test
    void anItemThatCannotBeCheckedFailsWithWhy() {
        reports(3, 0);
        SimRun run = SimRun.scenario("healthy");
        run.sim.faults().denyAccess(Api.LIST_BACKUPS, 1);

        ChecklistItem backup = items(checklist(run).run(request(run))).get("backup");

        assertThat(backup.status()).isEqualTo(ItemStatus.FAIL);
        assertThat(backup.evidence()).startsWith("could not check: access denied");
    }

    @Test
    void waivableItemsCanBeWaivedWithReasonAndWhoOthersNot() {
        reports(3, 0);
        SimRun run = SimRun.scenario("scan-findings");

        ChecklistResult r = checklist(run).run(with(request(run), b -> {
            b.waive = Map.of("image-scan", "CVE-2026-1 fixed upstream, patch tomorrow");
            b.by = "lee";
            return b;
        }));

        ChecklistItem scan = items(r).get("image-scan");
        assertThat(scan.status()).isEqualTo(ItemStatus.WAIVED);
        assertThat(scan.reason()).isEqualTo("CVE-2026-1 fixed upstream, patch tomorrow");
        assertThat(scan.by()).isEqualTo("lee");
        assertThat(r.passed()).isTrue();
        assertThatThrownBy(() -> checklist(run).run(with(request(run), b -> {
            // a typed request needs who approved a waiver before the environment's rules are asked
            b.waive = Map.of("backup", "trust me");
            b.by = "lee";
            return b;
        }))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'backup' cannot be waived").hasMessageContaining("waivable items: image-scan, team-notified");
    }

    @Test
    void unknownItemNamesAreInvalidInputListingTheSix() {
        SimRun run = SimRun.scenario("healthy");

        assertThatThrownBy(() -> checklist(run).run(with(request(run), b -> {
            b.skip = List.of("load-test");
            return b;
        }))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("skip: got 'load-test'")
                .hasMessageContaining("tests-passed, image-scan, backup, rollback-plan, monitoring, team-notified");
        assertThatThrownBy(() -> checklist(run).run(with(request(run), b -> {
            b.waive = Map.of("coffee", "none");
            return b;
        }))).isInstanceOf(InvalidInputException.class).hasMessageContaining("waive: got 'coffee'");
        assertThat(run.sim.calls(Api.PUBLISH)).isZero();
    }

    @Test
    void skippedItemsAreNotCheckedAndDoNotPass() {
        reports(3, 0);
        SimRun run = SimRun.scenario("healthy");

        ChecklistResult r = checklist(run).run(with(request(run), b -> {
            b.skip = List.of("image-scan");
            return b;
        }));

        assertThat(items(r).get("image-scan").status()).isEqualTo(ItemStatus.SKIPPED);
        assertThat(run.sim.calls(Api.DESCRIBE_IMAGE_SCAN_FINDINGS)).isZero();
        assertThat(r.passed()).isFalse();
    }

    @Test
    void notNotifyingFailsTheTeamItemWhichCanBeWaived() {
        reports(3, 0);
        SimRun run = SimRun.scenario("healthy");

        ChecklistResult silent = checklist(run).run(with(request(run), b -> {
            b.notify = false;
            return b;
        }));
        ChecklistResult waived = checklist(run).run(with(request(run), b -> {
            b.waive = Map.of("team-notified", "announced in the stand-up");
            b.by = "bob";
            return b;
        }));

        assertThat(items(silent).get("team-notified").status()).isEqualTo(ItemStatus.FAIL);
        assertThat(items(waived).get("team-notified").status()).isEqualTo(ItemStatus.WAIVED);
        assertThat(waived.passed()).isTrue();
        assertThat(run.sim.notifications()).isEmpty();
    }

    @Test
    void aDryRunTakesNoBackupStartsNoScanAndPublishesNothing() {
        reports(3, 0);
        SimRun run = SimRun.scenario("stale-backup");

        ChecklistResult r = checklist(run).run(with(request(run), b -> {
            b.takeBackup = true;
            b.dryRun = true;
            return b;
        }));

        assertThat(items(r).get("backup").status()).isEqualTo(ItemStatus.PLANNED);
        assertThat(items(r).get("backup").evidence()).contains("dry run: ").contains("would take backup");
        assertThat(items(r).get("team-notified").status()).isEqualTo(ItemStatus.PLANNED);
        assertThat(r.passed()).isFalse();
        assertThat(r.actions()).isNotEmpty().allMatch(a -> a.dryRun());
        assertThat(run.sim.calls(Api.CREATE_BACKUP)).isZero();
        assertThat(run.sim.calls(Api.PUBLISH)).isZero();
        assertThat(run.sim.calls(Api.START_IMAGE_SCAN)).isZero();
    }

    @Test
    void anInterruptWhileReadingTheReportsChecksTakesAndPublishesNothingMore() {
        SimRun run = SimRun.scenario("stale-backup");
        // what the plugin's workspace adapter does when the build is aborted while it reads on the agent
        TestReports aborted = location -> {
            Thread.currentThread().interrupt();
            throw new RemoteFailureException("read test reports", "interrupted while reading the test reports", false);
        };
        OpsContext ctx = new OpsContext(run.sim.config(), run.sim.ports().withTestReports(aborted), run.sim.clock(),
                run.sim.sleeper(), run.progress::add, "alice");

        ChecklistResult r;
        try {
            r = ChecklistUseCase.over(ctx).run(with(request(run), b -> {
                b.takeBackup = true;
                return b;
            }));
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        }

        assertThat(items(r).get("tests-passed").evidence()).startsWith("could not check: interrupted");
        assertThat(r.items().subList(1, 6)).allSatisfy(i -> assertThat(i.evidence()).isEqualTo("not checked: interrupted"));
        assertThat(run.sim.calls(Api.CREATE_BACKUP)).isZero();
        assertThat(run.sim.calls(Api.PUBLISH)).isZero();
        assertThat(r.passed()).isFalse();
    }

    @Test
    void imagesAreUnderstoodAsUrisRepositoryTagsOrBareTags() {
        assertThat(PreDeployChecklist.repositoryAndTag("123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/t-developer-backend-production:2.0.43", "d"))
                .containsExactly("t-developer-backend-production", "2.0.43");
        assertThat(PreDeployChecklist.repositoryAndTag("team/backend:1.2", "d")).containsExactly("team/backend", "1.2");
        assertThat(PreDeployChecklist.repositoryAndTag("localhost:5000/backend", "d")).containsExactly("backend", "latest");
        assertThat(PreDeployChecklist.repositoryAndTag("2.0.43", "default-repo")).containsExactly("default-repo", "2.0.43");
    }
}
