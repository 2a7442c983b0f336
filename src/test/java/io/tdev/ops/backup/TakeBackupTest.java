package io.tdev.ops.backup;

import io.tdev.ops.api.PlainValues;
import io.tdev.ops.api.backup.BackupListResult;
import io.tdev.ops.api.backup.BackupRequest;
import io.tdev.ops.api.backup.BackupResult;
import io.tdev.ops.api.backup.BackupUseCase;
import io.tdev.ops.api.backup.ListBackupsRequest;
import io.tdev.ops.api.backup.ListBackupsUseCase;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.TableBackup;
import io.tdev.ops.sim.Api;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TakeBackupTest {

    @Test
    void aBackupIsNamedByEnvironmentAndTimeWaitedForUntilAvailableWithProgressAndVerified() {
        BackupSim s = BackupSim.scenario("healthy");

        BackupResult r = BackupUseCase.over(s.ctx).run(new BackupRequest(true, false));

        assertThat(r.name()).isEqualTo("manual-backup-production-20261126-090000");
        assertThat(r.status()).isEqualTo("AVAILABLE");
        assertThat(r.itemCount()).isEqualTo(r.tableItemCount()).isPositive();
        assertThat(r.verified()).isTrue();
        assertThat(r.ok()).isTrue();
        assertThat(r.actions()).singleElement().satisfies(a -> {
            assertThat(a.what()).isEqualTo("create-backup");
            assertThat(a.after()).isEqualTo(r.backupArn());
            assertThat(a.dryRun()).isFalse();
        });
        assertThat(s.progress).anyMatch(l -> l.startsWith("waiting for backup " + r.name() + " to be AVAILABLE: CREATING"))
                .last().asString().contains("AVAILABLE (after 1m)");
        assertThat(s.sim.backups().get(0).arn()).isEqualTo(r.backupArn());
    }

    @Test
    void theJsonKeysAreTheOnesTheIssuePins() {
        BackupResult r = BackupUseCase.over(BackupSim.scenario("healthy").ctx).run(new BackupRequest(true, false));

        Map<String, Object> json = PlainValues.map(r);

        assertThat(json).containsKeys("backupArn", "name", "status", "itemCount", "tableItemCount", "verified", "actions");
        assertThat(json.get("verified")).isEqualTo(true);
        assertThat(json.get("itemCount")).isInstanceOf(Long.class);
    }

    @Test
    void aDryRunPlansTheBackupAndTakesNothing() {
        BackupSim s = BackupSim.scenario("healthy");
        int before = s.sim.backups().size();

        BackupResult r = BackupUseCase.over(s.ctx).run(new BackupRequest(true, true));

        assertThat(r.status()).isEqualTo("PLANNED");
        assertThat(r.backupArn()).isNull();
        assertThat(r.actions()).singleElement().satisfies(a -> assertThat(a.dryRun()).isTrue());
        assertThat(s.sim.backups()).hasSize(before);
        assertThat(s.calls(Api.CREATE_BACKUP)).isZero();
        assertThat(r.ok()).isTrue();
    }

    @Test
    void anInterruptEndsTheWaitAtOnceAndLeavesTheInterruptFlagSet() {
        BackupSim s = BackupSim.scenario("healthy");
        Thread.currentThread().interrupt();
        try {
            BackupResult r = BackupUseCase.over(s.ctx).run(new BackupRequest(false, false));

            assertThat(r.status()).isEqualTo("CREATING");
            assertThat(r.message()).contains("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aSecondBackupInTheSameSecondIsRefusedBeforeAnythingIsCreated() {
        BackupSim same = BackupSim.scenario("healthy");
        same.sim.ports().tables().createBackup(same.ctx.config().table().name(), "manual-backup-production-20261126-090000");
        int creates = same.calls(Api.CREATE_BACKUP);

        assertThatThrownBy(() -> BackupUseCase.over(same.ctx).run(new BackupRequest(false, false)))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("already exists");
        assertThat(same.calls(Api.CREATE_BACKUP)).isEqualTo(creates);
    }

    @Test
    void theListIsNewestFirstWithAgesOnTheInjectedClock() {
        BackupSim s = BackupSim.scenario("stale-backup");

        BackupListResult r = ListBackupsUseCase.over(s.ctx).run(new ListBackupsRequest(1));

        assertThat(r.total()).isEqualTo(2);
        assertThat(r.backups()).singleElement().satisfies(e -> {
            assertThat(e.age()).isEqualTo("72h");
            assertThat(e.status()).isEqualTo("AVAILABLE");
            assertThat(e.sizeBytes()).isPositive();
        });
        assertThat(r.markdown()).contains("| name | age | size (bytes) | status | taken at |");
        assertThat(PlainValues.map(r).get("backups")).asList().first().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKeys("name", "age", "sizeBytes", "status");
        assertThatThrownBy(() -> new ListBackupsRequest(0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void verificationFailsWhenTheTableNoLongerMatchesTheBackup() {
        BackupSim s = BackupSim.scenario("healthy", d -> d);
        TableBackup older = s.sim.backups().get(2); // 54 h old: the table has grown since
        var description = s.sim.ports().tables().describeBackup(older.arn());
        var table = s.sim.ports().tables().describeTable(s.ctx.config().table().name()).orElseThrow();

        assertThat(Counts.within(description.itemCount(), table.itemCount(), 1)).isFalse();
        assertThat(Counts.within(100, 101, 1)).isTrue();
        assertThat(Counts.within(100, 102, 1)).isFalse();
        assertThat(Counts.within(0, 0, 0)).isTrue();
    }
}
