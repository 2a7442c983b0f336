package io.tdev.ops.backup;

import io.tdev.ops.api.PlainValues;
import io.tdev.ops.api.backup.DrCheckRequest;
import io.tdev.ops.api.backup.DrCheckResult;
import io.tdev.ops.api.backup.DrCheckResult.Status;
import io.tdev.ops.api.backup.DrCheckUseCase;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.sim.Api;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DrCheckTest {
    private static DrCheckResult run(BackupSim s) {
        return DrCheckUseCase.over(s.ctx).run(new DrCheckRequest(null));
    }

    private static Status status(DrCheckResult r, String name) {
        return r.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().status();
    }

    private static String evidence(DrCheckResult r, String name) {
        return r.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().evidence();
    }

    @Test
    void aHealthyEnvironmentPassesEveryCheckWithEvidence() {
        BackupSim s = BackupSim.scenario("healthy");

        DrCheckResult r = run(s);

        assertThat(r.passed()).isTrue();
        assertThat(r.checks()).extracting(DrCheckResult.Check::name).containsExactly("s3-replication",
                "s3-object-replication", "point-in-time-recovery", "backup-age", "primary-health-check");
        assertThat(evidence(r, "s3-replication")).contains("Enabled", "t-developer-projects-production-replica-us-west-2");
        assertThat(evidence(r, "s3-object-replication")).contains("20 newest objects", "COMPLETED=20");
        assertThat(evidence(r, "backup-age")).contains("6h old");
        assertThat(s.calls(Api.GET_OBJECT)).isEqualTo(20);
        assertThat(s.calls(Api.CREATE_BACKUP) + s.calls(Api.CHANGE_RECORD_SETS)).as("read-only").isZero();
    }

    @Test
    void theJsonKeysAreTheOnesTheIssuePins() {
        Map<String, Object> json = PlainValues.map(run(BackupSim.scenario("healthy")));

        assertThat(json).containsOnlyKeys("passed", "checks");
        assertThat((List<?>) json.get("checks")).first().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsOnlyKeys("name", "status", "evidence");
    }

    @Test
    void aMissingReplicationRuleFails() {
        DrCheckResult r = run(BackupSim.scenario("missing-replication"));

        assertThat(r.passed()).isFalse();
        assertThat(status(r, "s3-replication")).isEqualTo(Status.FAIL);
        assertThat(evidence(r, "s3-replication")).contains("no replication configuration");
        assertThat(status(r, "point-in-time-recovery")).isEqualTo(Status.PASS);
    }

    @Test
    void failedObjectsFailTheObjectCheckNamingThem() {
        DrCheckResult r = run(BackupSim.scenario("replication-failed"));

        assertThat(status(r, "s3-replication")).isEqualTo(Status.PASS);
        assertThat(status(r, "s3-object-replication")).isEqualTo(Status.FAIL);
        assertThat(evidence(r, "s3-object-replication")).contains("COMPLETED=17", "FAILED=3", "projects/");
    }

    @Test
    void pointInTimeRecoveryOffAStaleBackupAndAFailingPrimaryEachFailTheirCheck() {
        assertThat(status(run(BackupSim.scenario("no-pitr")), "point-in-time-recovery")).isEqualTo(Status.FAIL);
        DrCheckResult stale = run(BackupSim.scenario("stale-backup"));
        assertThat(status(stale, "backup-age")).isEqualTo(Status.FAIL);
        assertThat(evidence(stale, "backup-age")).contains("72h old", "at most 24h");
        DrCheckResult down = run(BackupSim.scenario("primary-unhealthy"));
        assertThat(status(down, "primary-health-check")).isEqualTo(Status.FAIL);
        assertThat(evidence(down, "primary-health-check")).contains("UNHEALTHY: 0 of 16");
        assertThat(down.passed()).isFalse();
    }

    @Test
    void aCheckThatCannotBeReadIsUnknownNeverPass() {
        BackupSim s = BackupSim.scenario("healthy");
        s.sim.faults().denyAccess(Api.DESCRIBE_CONTINUOUS_BACKUPS, 1);

        DrCheckResult r = run(s);

        assertThat(status(r, "point-in-time-recovery")).isEqualTo(Status.UNKNOWN);
        assertThat(evidence(r, "point-in-time-recovery")).contains("dynamodb:DescribeContinuousBackups");
        assertThat(r.passed()).isFalse();
        assertThat(r.ok()).isFalse();
    }

    @Test
    void theSampleSizeIsValidated() {
        assertThatThrownBy(() -> new DrCheckRequest(0)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("sampleSize"));
        BackupSim s = BackupSim.scenario("healthy");
        DrCheckUseCase.over(s.ctx).run(new DrCheckRequest(5));
        assertThat(s.calls(Api.GET_OBJECT)).isEqualTo(5);
    }
}
