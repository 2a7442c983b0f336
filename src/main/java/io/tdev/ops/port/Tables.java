package io.tdev.ops.port;

import io.tdev.ops.model.TableBackup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** DynamoDB. */
public interface Tables {
    /**
     * Items whose {@code timeAttribute} (ISO-8601 string) is in [from, to). With an index name, a Query on that
     * index; otherwise a segmented parallel Scan with Select=COUNT.
     */
    long countBetween(String table, String timeAttribute, Instant from, Instant to, Optional<String> indexName);

    /** Distinct values of {@code attribute} among items whose {@code timeAttribute} is in [from, to). */
    long countDistinct(String table, String attribute, String timeAttribute, Instant from, Instant to);

    TableBackup createBackup(String table, String backupName);

    /** Item count and size of a table (DescribeTable; DynamoDB refreshes them about every six hours). */
    io.tdev.ops.model.TableStats stats(String table);

    /** Backups of a table, newest first. */
    List<TableBackup> listBackups(String table);

    void restore(String backupArn, String targetTable);
}
