package io.tdev.ops.maintenance;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.maintenance.MaintenanceRequest;
import io.tdev.ops.api.maintenance.MaintenanceResult;
import io.tdev.ops.api.maintenance.MaintenanceResult.TaskStatus;
import io.tdev.ops.api.maintenance.MaintenanceUseCase;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.LifecycleRule;
import io.tdev.ops.api.Progress;
import io.tdev.ops.sim.Api;
import io.tdev.ops.sim.SimEnvironment;
import io.tdev.ops.testing.TestConfigs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The monthly maintenance over the simulated environment: plan first, dry run changes nothing, every change an action. */
class MonthlyMaintenanceTest {

    private static MaintenanceResult run(SimEnvironment sim, MaintenanceRequest request) throws InterruptedException {
        return MaintenanceUseCase.over(new OpsContext(sim.config(), sim.ports(), sim.clock(), sim.sleeper(),
                Progress.NONE, "alice")).run(request);
    }

    private static List<Integer> activeRevisions(SimEnvironment sim) {
        return sim.ports().ecs().listTaskDefinitions(sim.family(), true).stream().map(r -> r.revision()).toList();
    }

    @Test
    void aDryRunPlansEveryChangeAndChangesNothing() throws Exception {
        SimEnvironment sim = SimEnvironment.scenario("needs-maintenance", TestConfigs.production());
        Map<String, Integer> retentionBefore = sim.logRetention();
        List<Integer> activeBefore = activeRevisions(sim);

        MaintenanceResult plan = run(sim, new MaintenanceRequest(List.of(), true, null, null, null, true));

        assertThat(plan.dryRun()).isTrue();
        assertThat(sim.logRetention()).isEqualTo(retentionBefore);
        assertThat(activeRevisions(sim)).isEqualTo(activeBefore);
        assertThat(sim.ports().storage().lifecycleRules(sim.config().bucket())).isEmpty();
        assertThat(plan.task("log-retention").status()).isEqualTo(TaskStatus.PLANNED);
        assertThat(plan.task("task-definitions").status()).isEqualTo(TaskStatus.PLANNED);
        assertThat(plan.task("stale-objects").status()).isEqualTo(TaskStatus.PLANNED);
        assertThat(plan.tasks()).flatExtracting(MaintenanceResult.TaskResult::actions).allMatch(a -> a.dryRun());

        MaintenanceResult applied = run(sim, new MaintenanceRequest(List.of(), false, null, null, null, true));

        assertThat(applied.task("log-retention").actions()).extracting(a -> a.target())
                .isEqualTo(plan.task("log-retention").actions().stream().map(a -> a.target()).toList());
        assertThat(applied.task("task-definitions").actions()).extracting(a -> a.target())
                .isEqualTo(plan.task("task-definitions").actions().stream().map(a -> a.target()).toList());
        assertThat(sim.logRetention().values()).containsOnly(30);
        assertThat(sim.ports().storage().lifecycleRules(sim.config().bucket())).singleElement()
                .satisfies(r -> assertThat(r.expirationDays()).isEqualTo(90));
    }

    @Test
    void theLifecycleRuleIsAddedBesideTheBucketsOtherRules() throws Exception {
        SimEnvironment sim = SimEnvironment.scenario("needs-maintenance", TestConfigs.production());
        io.tdev.ops.model.LifecycleRule others = new io.tdev.ops.model.LifecycleRule("tmp-cleanup", "tmp/", 3, "Disabled");
        sim.ports().storage().addLifecycleRule(sim.config().bucket(), others);

        MaintenanceResult applied = run(sim, new MaintenanceRequest(List.of("stale-objects"), false, null, null, null, true));

        assertThat(applied.task("stale-objects").status()).isEqualTo(TaskStatus.CHANGED);
        assertThat(sim.ports().storage().lifecycleRules(sim.config().bucket())).extracting(r -> r.id())
                .containsExactly("tmp-cleanup", "tdev-ops-expire-projects");
    }

    @Test
    void oldRevisionsGoButNeverTheCurrentTheInUseOrTheLastKnownGood() throws Exception {
        SimEnvironment sim = SimEnvironment.builder(TestConfigs.production()).revisions(20, 42).knownGood(30)
                .deploying("2.0.43", java.time.Duration.ofSeconds(20)).build();

        MaintenanceResult r = run(sim, new MaintenanceRequest(List.of("task-definitions"), false, null, null, 1, false));

        assertThat(r.task("task-definitions").status()).isEqualTo(TaskStatus.CHANGED);
        assertThat(activeRevisions(sim)).containsExactly(43, 42, 30);
        assertThat(r.task("task-definitions").actions()).hasSize(21)
                .allMatch(a -> a.what().equals("deregister task definition") && !a.dryRun());
    }

    @Test
    void anExpirationRuleForAnotherPrefixOrOnlyForTaggedObjectsDoesNotCoverTheStaleProjects() throws Exception {
        SimEnvironment sim = SimEnvironment.scenario("healthy", TestConfigs.production());
        String bucket = sim.config().bucket();
        sim.ports().storage().addLifecycleRule(bucket, new LifecycleRule("expire-tmp", "tmp/", 3, "Enabled"));
        sim.ports().storage().addLifecycleRule(bucket, new LifecycleRule("expire-temp", "", 1, "Enabled", "tag temp=true"));

        MaintenanceResult r = run(sim, new MaintenanceRequest(List.of("stale-objects"), false, null, null, null, false));

        assertThat(r.task("stale-objects").status()).isEqualTo(TaskStatus.FINDINGS);
        assertThat(r.task("stale-objects").findings())
                .anyMatch(f -> f.startsWith("rule expire-tmp expires only objects under 'tmp/': "))
                .anyMatch(f -> f.startsWith("rule expire-temp expires only objects under '' with tag temp=true: "))
                .anyMatch(f -> f.startsWith("proposed lifecycle rule tdev-ops-expire-projects"));
    }

    @Test
    void aWholeBucketExpirationRuleCoversTheStaleProjects() throws Exception {
        SimEnvironment sim = SimEnvironment.scenario("healthy", TestConfigs.production());
        sim.ports().storage().addLifecycleRule(sim.config().bucket(), new LifecycleRule("expire-all", "", 365, "Enabled"));

        MaintenanceResult r = run(sim, new MaintenanceRequest(List.of("stale-objects"), false, null, null, null, false));

        assertThat(r.task("stale-objects").status()).isEqualTo(TaskStatus.OK);
        assertThat(r.task("stale-objects").summary()).endsWith("the bucket's expiration rules cover them");
    }

    /** ECR's ScanNotFoundException is a fact (the port's notScanned): the real run starts the first scan and waits for it. */
    @Test
    void anImageNeverScannedIsScannedByTheRealRunAndOnlyPlannedByTheDryRun() throws Exception {
        SimEnvironment probe = SimEnvironment.builder(TestConfigs.production()).build();
        String newest = probe.ports().imageScans().images(probe.config().repository()).get(0).tags().get(0);
        SimEnvironment sim = SimEnvironment.builder(TestConfigs.production()).neverScanned(newest).build();

        MaintenanceResult plan = run(sim, new MaintenanceRequest(List.of("image-scan"), true, null, null, null, false));
        MaintenanceResult applied = run(sim, new MaintenanceRequest(List.of("image-scan"), false, null, null, null, false));

        assertThat(plan.task("image-scan").findings()).contains(newest + ": never scanned (a real run starts a scan)");
        assertThat(plan.task("image-scan").actions()).singleElement().satisfies(a -> assertThat(a.dryRun()).isTrue());
        assertThat(sim.calls(Api.START_IMAGE_SCAN)).isEqualTo(1);
        assertThat(applied.task("image-scan").actions()).singleElement()
                .satisfies(a -> assertThat(a.target()).isEqualTo(sim.config().repository() + ":" + newest));
        assertThat(sim.ports().imageScans().findings(sim.config().repository(), newest).neverScanned()).isFalse();
    }

    @Test
    void aHealthyMonthNeedsOnlyRetentionAndTheLifecycleReview() throws Exception {
        SimEnvironment sim = SimEnvironment.scenario("healthy", TestConfigs.production());

        MaintenanceResult r = run(sim, MaintenanceRequest.all(false));

        assertThat(r.task("image-scan").status()).isEqualTo(TaskStatus.OK);
        assertThat(r.task("task-definitions").status()).isEqualTo(TaskStatus.OK);
        assertThat(r.task("backup-integrity").status()).isEqualTo(TaskStatus.OK);
        assertThat(r.task("log-retention").status()).isEqualTo(TaskStatus.CHANGED);
        assertThat(r.task("stale-objects").status()).isEqualTo(TaskStatus.FINDINGS);
        assertThat(r.task("stale-objects").findings()).anyMatch(f -> f.startsWith("projects/: "))
                .anyMatch(f -> f.startsWith("oldest: "));
        assertThat(r.passed()).isFalse();
        assertThat(r.checklist()).extracting(MaintenanceResult.ChecklistItem::item)
                .containsExactly("patches", "backup-integrity", "performance-review", "cost-review", "docs", "training");
        assertThat(r.markdown()).contains("- [x] patches: OK").contains("- [x] backup-integrity: OK")
                .contains("- [ ] training");

        MaintenanceResult again = run(sim, new MaintenanceRequest(List.of("log-retention"), false, null, null, null, false));
        assertThat(again.task("log-retention").status()).as("already at 30 days").isEqualTo(TaskStatus.OK);
        assertThat(again.task("log-retention").actions()).isEmpty();
    }

    @Test
    void aFailedChangeSaysWhereItStoppedAndWhatToRun() throws Exception {
        SimEnvironment sim = SimEnvironment.scenario("healthy", TestConfigs.production());
        sim.faults().throttle(Api.PUT_RETENTION_POLICY, 100);

        MaintenanceResult r = run(sim, new MaintenanceRequest(List.of("log-retention"), false, null, null, null, false));

        assertThat(r.task("log-retention").status()).isEqualTo(TaskStatus.FAILED);
        assertThat(r.task("log-retention").summary()).contains("stopped at set log retention of")
                .contains("after 0 of 4").contains("tdev-ops maintenance --tasks log-retention");
        assertThat(r.passed()).isFalse();
    }

    @Test
    void badInputNamesTheFieldBeforeAnythingIsRead() {
        assertThatThrownBy(() -> new MaintenanceRequest(List.of("vacuum"), false, null, null, null, false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("log-retention");
        assertThatThrownBy(() -> new MaintenanceRequest(List.of(), false, 31, null, null, false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("retentionDays").hasMessageContaining("30");
        assertThatThrownBy(() -> new MaintenanceRequest(List.of(), false, null, 0, null, false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("staleDays");
    }
}
