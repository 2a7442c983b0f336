package io.tdev.ops.port.contract;

import io.tdev.ops.model.BackupDescription;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PointInTimeRecovery;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.TableBackup;
import io.tdev.ops.model.TableState;
import io.tdev.ops.port.Tables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Tables} adapter does. The world: the environment's ACTIVE metadata table {@link #TABLE} with
 * projects in it, point-in-time recovery on, no secondary index, and several AVAILABLE daily backups (listed over
 * pages); no table {@link #MISSING}.
 */
public abstract class TablesContract {
    protected static final String TABLE = ContractWorld.CONFIG.table().name();
    protected static final String CREATED_AT = ContractWorld.CONFIG.table().createdAtAttribute();
    protected static final String MISSING = "t-developer-metadata-gone";
    protected static final String TARGET = TABLE + "-restored";

    protected abstract Tables tables();

    protected abstract void givenTheTableAndItsBackups();

    /** The next call of {@code iamAction} is refused so (AWS: every call). */
    protected abstract void given(ContractWorld.Refusal refusal, String iamAction);

    /** How many calls reached the service so far. */
    protected abstract int callsSent();

    @BeforeEach
    void arrange() {
        givenTheTableAndItsBackups();
    }

    @Test
    void describesTheTable() {
        assertThat(tables().describeTable(TABLE)).hasValueSatisfying(t -> {
            assertThat(t.name()).isEqualTo(TABLE);
            assertThat(t.status()).isEqualTo("ACTIVE");
            assertThat(t.itemCount()).isPositive();
            assertThat(t.sizeBytes()).isPositive();
        });
    }

    @Test
    void aTableThatDoesNotExistIsEmptyNotAFailure() {
        assertThat(tables().describeTable(MISSING)).isEmpty();
    }

    /** A Select=COUNT Scan over every segment and page counts what DescribeTable estimates (both exact here). */
    @Test
    void countsEveryItemOverEveryPage() {
        long described = tables().describeTable(TABLE).orElseThrow().itemCount();

        assertThat(tables().countItems(TABLE)).isEqualTo(described);
    }

    @Test
    void countingATableThatDoesNotExistIsAPreconditionNamingIt() {
        assertThatThrownBy(() -> tables().countItems(MISSING))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining(MISSING);
    }

    @Test
    void anEmptyOrReversedRangeIsInvalidInputAndNothingIsSent() {
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        assertThatThrownBy(() -> tables().countBetween(TABLE, CREATED_AT, t, t, Optional.empty()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> tables().countDistinct(TABLE, "user_id", CREATED_AT, t.plusSeconds(1), t))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThat(callsSent()).isZero();
    }

    @Test
    void anIndexTheTableDoesNotHaveIsInvalidInputNamingTheConfigField() {
        assertThatThrownBy(() -> tables().countBetween(TABLE, CREATED_AT, Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2026-12-02T00:00:00Z"), Optional.of("no-such-index")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("table.createdAtIndex"))
                .hasMessageContaining("no-such-index");
    }

    @Test
    void readsThePointInTimeRecoveryWindow() {
        PointInTimeRecovery pitr = tables().pointInTimeRecovery(TABLE);

        assertThat(pitr.enabled()).isTrue();
        assertThat(pitr.earliestRestorable()).isBefore(pitr.latestRestorable());
    }

    @Test
    void listsTheTablesBackupsNewestFirstFromEveryPage() {
        List<TableBackup> backups = tables().listBackups(TABLE);

        assertThat(backups).hasSizeGreaterThanOrEqualTo(2).allSatisfy(b -> {
            assertThat(b.table()).isEqualTo(TABLE);
            assertThat(b.status()).isEqualTo("AVAILABLE");
            assertThat(b.arn()).contains(":table/" + TABLE + "/backup/");
        });
        assertThat(backups).isSortedAccordingTo(Comparator.comparing(TableBackup::createdAt).reversed());
    }

    @Test
    void describesABackupWithTheSourceTablesCountAndSize() {
        TableBackup newest = tables().listBackups(TABLE).get(0);

        BackupDescription d = tables().describeBackup(newest.arn());

        assertThat(d.backup().arn()).isEqualTo(newest.arn());
        assertThat(d.backup().table()).isEqualTo(TABLE);
        assertThat(d.itemCount()).isPositive();
        assertThat(d.tableSizeBytes()).isPositive();
    }

    @Test
    void aBackupThatDoesNotExistIsAPreconditionNamingIt() {
        String gone = "arn:aws:dynamodb:" + ContractWorld.REGION + ":" + ContractWorld.ACCOUNT + ":table/" + TABLE
                + "/backup/01700000000000-deadbeef";
        assertThatThrownBy(() -> tables().describeBackup(gone))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining(gone);
    }

    @Test
    void startsABackupThatIsCreating() {
        TableBackup b = tables().createBackup(TABLE, "manual-backup-production-20261207-060000");

        assertThat(b.name()).isEqualTo("manual-backup-production-20261207-060000");
        assertThat(b.table()).isEqualTo(TABLE);
        assertThat(b.status()).isEqualTo("CREATING");
        assertThat(b.arn()).contains(":table/" + TABLE + "/backup/");
    }

    @Test
    void aBackupNameDynamoDbRefusesIsInvalidInputAndNothingIsSent() {
        assertThatThrownBy(() -> tables().createBackup(TABLE, "nightly backup!"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("backupName"));
        assertThatThrownBy(() -> tables().createBackup(TABLE, "ab"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("backupName"));
        assertThat(callsSent()).isZero();
    }

    @Test
    void restoresABackupIntoANewTableThatIsCreating() {
        String arn = tables().listBackups(TABLE).get(0).arn();

        assertThat(tables().restore(arn, TARGET)).isEqualTo(new TableState(TARGET, "CREATING", 0, 0));
    }

    @Test
    void restoringOverAnExistingTableIsAPreconditionNamingIt() {
        String arn = tables().listBackups(TABLE).get(0).arn();

        assertThatThrownBy(() -> tables().restore(arn, TABLE))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining(TABLE)
                .hasMessageContaining("already exists");
    }

    @Test
    void aTargetTableNameDynamoDbRefusesIsInvalidInputAndNothingIsSent() {
        assertThatThrownBy(() -> tables().restore("arn:aws:dynamodb:eu-west-1:123456789012:table/t/backup/0", "new table"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("targetTable"));
        assertThat(callsSent()).isZero();
    }

    @Test
    void aDeniedBackupNamesTheIamAction() {
        given(ContractWorld.Refusal.DENIED, "dynamodb:CreateBackup");

        ContractWorld.assertDenied(() -> tables().createBackup(TABLE, "manual-backup-production-20261207-060000"),
                "dynamodb:CreateBackup");
    }

    @Test
    void aThrottledReadIsRetryable() {
        given(ContractWorld.Refusal.THROTTLED, "dynamodb:DescribeContinuousBackups");

        ContractWorld.assertThrottled(() -> tables().pointInTimeRecovery(TABLE), "dynamodb:DescribeContinuousBackups");
    }
}
