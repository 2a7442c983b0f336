package io.tdev.ops.backup;

import io.tdev.ops.api.PlainValues;
import io.tdev.ops.api.backup.RestoreRequest;
import io.tdev.ops.api.backup.RestoreResult;
import io.tdev.ops.api.backup.RestoreUseCase;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.TableBackup;
import io.tdev.ops.sim.Api;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestoreBackupTest {
    private static final String LIVE = "t-developer-metadata-production";
    private static final String TARGET = LIVE + "-restored";

    @Test
    void latestRestoresTheNewestAvailableBackupIntoANewTableWaitsUntilActiveAndVerifiesTheCount() {
        BackupSim s = BackupSim.scenario("healthy");
        TableBackup newest = s.sim.backups().get(0);

        RestoreResult r = RestoreUseCase.over(s.ctx).run(new RestoreRequest("latest", TARGET, false));

        assertThat(r.backupArn()).isEqualTo(newest.arn());
        assertThat(r.status()).isEqualTo("ACTIVE");
        assertThat(r.itemCount()).isEqualTo(r.backupItemCount()).isPositive();
        assertThat(r.verified()).isTrue();
        assertThat(r.ok()).isTrue();
        assertThat(r.next()).contains("switch over (not done here)", TARGET, "deploy");
        assertThat(s.progress).anyMatch(l -> l.startsWith("waiting for table " + TARGET + " to be ACTIVE: CREATING"))
                .anyMatch(l -> l.contains("ACTIVE (after 4m)"));
        assertThat(s.sim.tables()).contains(TARGET, LIVE);
    }

    @Test
    void theJsonKeysAreTheOnesTheIssuePins() {
        RestoreResult r = RestoreUseCase.over(BackupSim.scenario("healthy").ctx).run(new RestoreRequest("latest", TARGET, false));

        Map<String, Object> json = PlainValues.map(r);

        assertThat(json).containsKeys("backupArn", "restoredTable", "itemCount", "verified", "actions");
        assertThat(json.get("restoredTable")).isEqualTo(TARGET);
    }

    @Test
    void theLiveTablesNameIsRefusedBeforeAnyCall() {
        BackupSim s = BackupSim.scenario("healthy");

        assertThatThrownBy(() -> RestoreUseCase.over(s.ctx).run(new RestoreRequest("latest", LIVE, false)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("targetTable"))
                .hasMessageContaining("the live table");
        assertThat(s.sim.callLog()).isEmpty();
    }

    @Test
    void anExistingTableIsRefusedAndNothingIsRestored() {
        BackupSim s = BackupSim.scenario("healthy");
        RestoreUseCase.over(s.ctx).run(new RestoreRequest("latest", TARGET, false));
        int restores = s.calls(Api.RESTORE_TABLE);

        assertThatThrownBy(() -> RestoreUseCase.over(s.ctx).run(new RestoreRequest("latest", TARGET, false)))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("already exists", "never overwrites");
        assertThatThrownBy(() -> RestoreUseCase.over(s.ctx).run(new RestoreRequest("latest", TARGET, true)))
                .as("a dry run refuses it too: the plan is what the real run would do")
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(s.calls(Api.RESTORE_TABLE)).isEqualTo(restores);
    }

    @Test
    void aDryRunChecksAndPlansButRestoresNothing() {
        BackupSim s = BackupSim.scenario("healthy");

        RestoreResult r = RestoreUseCase.over(s.ctx).run(new RestoreRequest("latest", TARGET, true));

        assertThat(r.status()).isEqualTo("PLANNED");
        assertThat(r.actions()).singleElement().satisfies(a -> assertThat(a.dryRun()).isTrue());
        assertThat(s.calls(Api.RESTORE_TABLE)).isZero();
        assertThat(s.sim.tables()).doesNotContain(TARGET);
    }

    @Test
    void aRestoreStillCreatingWhenTheWaitEndsIsNotOkAndTheTableStays() {
        BackupSim s = BackupSim.scenario("healthy", d -> BackupSim.waitMinutes(d, 1));

        RestoreResult r = RestoreUseCase.over(s.ctx).run(new RestoreRequest("latest", TARGET, false));

        assertThat(r.status()).isEqualTo("CREATING");
        assertThat(r.verified()).isNull();
        assertThat(r.ok()).isFalse();
        assertThat(r.message()).contains("gave up waiting", "goes on restoring");
        assertThat(r.next()).contains("wait table-exists --table-name " + TARGET);
    }

    @Test
    void badInputNamesTheFieldAndTheAllowedValues() {
        assertThatThrownBy(() -> new RestoreRequest("newest", TARGET, false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("backup"))
                .hasMessageContaining("latest or a backup ARN");
        assertThatThrownBy(() -> new RestoreRequest("latest", "a b", false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("targetTable"));
        assertThat(new RestoreRequest("arn:aws:dynamodb:eu-west-1:123456789012:table/" + LIVE
                + "/backup/01764147600000-a1b2c3d4", TARGET, false).latest()).isFalse();
    }

    @Test
    void aBackupThatDoesNotExistIsAPreconditionAndNoBackupAtAllSaysHowToTakeOne() {
        BackupSim s = BackupSim.scenario("healthy");
        assertThatThrownBy(() -> RestoreUseCase.over(s.ctx).run(new RestoreRequest(
                "arn:aws:dynamodb:ap-northeast-2:123456789012:table/" + LIVE + "/backup/0-nope", TARGET, false)))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("not found");

        BackupSim none = BackupSim.of(io.tdev.ops.sim.SimEnvironment.builder(s.ctx.config()).noBackups().build());
        assertThatThrownBy(() -> RestoreUseCase.over(none.ctx).run(new RestoreRequest("latest", TARGET, false)))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("take one with: tdev-ops backup");
    }
}
