package io.tdev.ops.port;

import io.tdev.ops.model.BackupDescription;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PointInTimeRecovery;
import io.tdev.ops.model.TableBackup;
import io.tdev.ops.model.TableState;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** DynamoDB. */
public interface Tables {
    /** DynamoDB's table and backup names: 3 to 255 of a-z A-Z 0-9 _ - . */
    Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

    /** A table or backup name DynamoDB would refuse is invalid input naming {@code field}, before anything is sent. */
    static void requireName(String field, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException(field, "got '" + name + "'; allowed: 3 to 255 of the characters a-z A-Z 0-9 _ - .");
        }
    }

    /**
     * Items whose {@code timeAttribute} (ISO-8601 string) is in [from, to). With an index name, a Query on that
     * index; otherwise a segmented parallel Scan with Select=COUNT.
     */
    long countBetween(String table, String timeAttribute, Instant from, Instant to, Optional<String> indexName);

    /** Distinct values of {@code attribute} among items whose {@code timeAttribute} is in [from, to). */
    long countDistinct(String table, String attribute, String timeAttribute, Instant from, Instant to);

    /** Every item, counted exactly (a Scan with Select=COUNT), unlike {@link TableState#itemCount()}. */
    long countItems(String table);

    /** The table's status, item count and size; empty when there is no such table. */
    Optional<TableState> describeTable(String table);

    /** Point-in-time recovery of the table (DescribeContinuousBackups). */
    PointInTimeRecovery pointInTimeRecovery(String table);

    /** Starts an on-demand backup; it is CREATING until DynamoDB has it, then AVAILABLE. */
    TableBackup createBackup(String table, String backupName);

    /** One backup with the source table's item count and size when it was taken. */
    BackupDescription describeBackup(String backupArn);

    /** Backups of a table, newest first. */
    List<TableBackup> listBackups(String table);

    /**
     * Starts restoring a backup into a new table {@code targetTable} (DynamoDB refuses an existing name); the
     * new table is CREATING until the restore is done, then ACTIVE.
     */
    TableState restore(String backupArn, String targetTable);
}
