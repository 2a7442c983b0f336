package io.tdev.ops.aws;

import io.tdev.ops.model.BackupDescription;
import io.tdev.ops.model.Checks;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.PointInTimeRecovery;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.ScanSegments;
import io.tdev.ops.model.TableBackup;
import io.tdev.ops.model.TableState;
import io.tdev.ops.model.TdevException;
import io.tdev.ops.port.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.SourceTableDetails;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableAlreadyExistsException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * {@link Tables} on DynamoDB. Time attributes hold ISO-8601 UTC strings, which order like the instants they
 * name, so a range is a string comparison. Counting without an index is a segmented Scan: the segments run in
 * parallel (each reads its share of the table), with Select=COUNT so only counts come back.
 * <p>
 * With an index, it must have the UTC day ({@code yyyy-MM-dd}) of the time attribute as partition key and the
 * time attribute as sort key: the usual way to make a time range queryable; one Query per day then counts.
 * <p>
 * {@code new AwsTables(client)} sizes each Scan by the table: DescribeTable's TableSizeBytes gives the segments
 * ({@link ScanSegments}: one for a small table, so a count is one request per page), at most
 * {@value ScanSegments#MAX} in parallel.
 */
public final class AwsTables implements Tables {
    /**
     * Bounds always carry milliseconds: "00:00:00.000Z" sorts below both "00:00:00Z" and "00:00:00.123Z" of the
     * same second, where "00:00:00Z" would sort above "00:00:00.123Z" ('.' is below 'Z').
     */
    private static final DateTimeFormatter BOUND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final int FROM_TABLE_SIZE = 0;

    private final DynamoDbClient client;
    private final int fixedSegments;

    public AwsTables(DynamoDbClient client) {
        this.client = client;
        this.fixedSegments = FROM_TABLE_SIZE;
    }

    /** @param segments a fixed number of Scan segments, each read by its own thread (AWS allows 1..1,000,000) */
    public AwsTables(DynamoDbClient client, int segments) {
        if (segments < 1 || segments > 1_000_000) {
            throw new IllegalArgumentException("segments must be 1..1000000, got " + segments);
        }
        this.client = client;
        this.fixedSegments = segments;
    }

    /** The segments of a Scan of {@code table}: fixed, or from its size (one DescribeTable call). */
    private int segmentsFor(String table) {
        if (fixedSegments != FROM_TABLE_SIZE) {
            return fixedSegments;
        }
        Long size = ResourceCall.run("dynamodb:DescribeTable", "table", table, "table.name",
                () -> client.describeTable(r -> r.tableName(table)).table().tableSizeBytes());
        return ScanSegments.forTableSize(size == null ? 0 : size);
    }

    @Override
    public long countBetween(String table, String timeAttribute, Instant from, Instant to, Optional<String> indexName) {
        Checks.range(from, to);
        if (indexName.isPresent()) {
            return countByIndex(table, indexName.get(), timeAttribute, from, to);
        }
        int segments = segmentsFor(table);
        List<Long> counts = inSegments(segments, segment -> scanSegment(table, segment, segments, b -> b.select(Select.COUNT)
                        .filterExpression("#t >= :from AND #t < :to")
                        .expressionAttributeNames(Map.of("#t", timeAttribute))
                        .expressionAttributeValues(range(from, to)))
                .mapToLong(ScanResponse::count).sum());
        return counts.stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public long countDistinct(String table, String attribute, String timeAttribute, Instant from, Instant to) {
        Checks.range(from, to);
        int segments = segmentsFor(table);
        List<Set<String>> perSegment = inSegments(segments, segment -> {
            Set<String> values = new HashSet<>();
            scanSegment(table, segment, segments, b -> b.projectionExpression("#a")
                    .filterExpression("#t >= :from AND #t < :to")
                    .expressionAttributeNames(Map.of("#a", attribute, "#t", timeAttribute))
                    .expressionAttributeValues(range(from, to)))
                    .flatMap(page -> page.items().stream())
                    .map(item -> item.get(attribute))
                    .filter(v -> v != null && (v.s() != null || v.n() != null))
                    .forEach(v -> values.add(v.s() != null ? v.s() : v.n()));
            return values;
        });
        Set<String> all = new HashSet<>();
        perSegment.forEach(all::addAll);
        return all.size();
    }

    private Stream<ScanResponse> scanSegment(String table, int segment, int segments,
                                             java.util.function.UnaryOperator<ScanRequest.Builder> shape) {
        ScanRequest request = shape.apply(ScanRequest.builder().tableName(table).segment(segment).totalSegments(segments)).build();
        // Read every page inside the call so that a failure on page 5 is reported like one on page 1.
        List<ScanResponse> pages = ResourceCall.run("dynamodb:Scan", "table", table, "table.name",
                () -> client.scanPaginator(request).stream().toList());
        return pages.stream();
    }

    private <T> List<T> inSegments(int segments, IntFunction<T> work) {
        if (segments == 1) {
            return List.of(work.apply(0));
        }
        ExecutorService pool = Executors.newFixedThreadPool(segments, r -> {
            Thread t = new Thread(r, "tdev-dynamodb-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int s = 0; s < segments; s++) {
                int segment = s;
                futures.add(pool.submit(() -> work.apply(segment)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TdevException t) {
                throw t;
            }
            throw new RemoteFailureException("dynamodb:Scan", "parallel scan failed: " + e.getCause(), false, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteFailureException("dynamodb:Scan", "interrupted while scanning", true, e);
        } finally {
            pool.shutdownNow();
        }
    }

    private long countByIndex(String table, String index, String timeAttribute, Instant from, Instant to) {
        TableDescription description = ResourceCall.run("dynamodb:DescribeTable", "table", table, "table.name",
                () -> client.describeTable(r -> r.tableName(table)).table());
        List<KeySchemaElement> keys = Stream.concat(
                        description.globalSecondaryIndexes().stream().filter(i -> i.indexName().equals(index)).map(i -> i.keySchema()),
                        description.localSecondaryIndexes().stream().filter(i -> i.indexName().equals(index)).map(i -> i.keySchema()))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("table.createdAtIndex", "got '" + index + "'; table " + table
                        + " has the indexes " + Stream.concat(description.globalSecondaryIndexes().stream().map(i -> i.indexName()),
                        description.localSecondaryIndexes().stream().map(i -> i.indexName())).toList()));
        String dayKey = keys.stream().filter(k -> k.keyType() == KeyType.HASH).map(KeySchemaElement::attributeName).findFirst().orElseThrow();
        Optional<String> sortKey = keys.stream().filter(k -> k.keyType() == KeyType.RANGE).map(KeySchemaElement::attributeName).findFirst();
        if (sortKey.isEmpty() || !sortKey.get().equals(timeAttribute)) {
            throw new InvalidInputException("table.createdAtIndex", "index '" + index + "' has key " + dayKey
                    + sortKey.map(s -> "/" + s).orElse("") + "; a time range needs the UTC day (yyyy-MM-dd) as partition key and "
                    + timeAttribute + " as sort key, or no index (a parallel Scan)");
        }
        long count = 0;
        for (LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC); day.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(to);
             day = day.plusDays(1)) {
            Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant lo = from.isAfter(dayStart) ? from : dayStart;
            Instant end = to.isBefore(dayStart.plus(1, ChronoUnit.DAYS)) ? to : dayStart.plus(1, ChronoUnit.DAYS);
            // [lo, end) as an inclusive BETWEEN: the sort key allows one condition only
            Map<String, AttributeValue> values = Map.of(":day", AttributeValue.fromS(day.toString()),
                    ":lo", AttributeValue.fromS(BOUND.format(lo)), ":hi", AttributeValue.fromS(BOUND.format(end.minusMillis(1))));
            count += ResourceCall.run("dynamodb:Query", "index", table + "/" + index, "table.createdAtIndex",
                    () -> client.queryPaginator(r -> r.tableName(table).indexName(index).select(Select.COUNT)
                                    .keyConditionExpression("#d = :day AND #t BETWEEN :lo AND :hi")
                                    .expressionAttributeNames(Map.of("#d", dayKey, "#t", timeAttribute))
                                    .expressionAttributeValues(values))
                            .stream().mapToLong(p -> p.count()).sum());
        }
        return count;
    }

    private static Map<String, AttributeValue> range(Instant from, Instant to) {
        return Map.of(":from", AttributeValue.fromS(BOUND.format(from)), ":to", AttributeValue.fromS(BOUND.format(to)));
    }

    @Override
    public TableBackup createBackup(String table, String backupName) {
        Tables.requireName("backupName", backupName);
        BackupDetails b = ResourceCall.run("dynamodb:CreateBackup", "table", table, "table.name",
                () -> client.createBackup(r -> r.tableName(table).backupName(backupName)).backupDetails());
        return new TableBackup(b.backupArn(), b.backupName(), table, b.backupCreationDateTime(), b.backupStatusAsString(),
                b.backupSizeBytes() == null ? 0 : b.backupSizeBytes());
    }

    @Override
    public List<TableBackup> listBackups(String table) {
        List<TableBackup> backups = new ArrayList<>();
        String start = null;
        do {
            String exclusiveStart = start;
            ListBackupsResponse page = ResourceCall.run("dynamodb:ListBackups", "table", table, "table.name",
                    () -> client.listBackups(r -> r.tableName(table).exclusiveStartBackupArn(exclusiveStart)));
            for (BackupSummary s : page.backupSummaries()) {
                backups.add(new TableBackup(s.backupArn(), s.backupName(), s.tableName(), s.backupCreationDateTime(),
                        s.backupStatusAsString(), s.backupSizeBytes() == null ? 0 : s.backupSizeBytes()));
            }
            start = page.lastEvaluatedBackupArn();
        } while (start != null);
        backups.sort(Comparator.comparing(TableBackup::createdAt).reversed());
        return backups;
    }

    @Override
    public long countItems(String table) {
        int segments = segmentsFor(table);
        return inSegments(segments, segment -> scanSegment(table, segment, segments, b -> b.select(Select.COUNT))
                .mapToLong(ScanResponse::count).sum()).stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public Optional<TableState> describeTable(String table) {
        return ResourceCall.run("dynamodb:DescribeTable", "table", table, null, () -> {
            try {
                return Optional.of(state(client.describeTable(r -> r.tableName(table)).table()));
            } catch (ResourceNotFoundException e) {
                return Optional.empty(); // "is there such a table" is the question, not a failure
            } catch (DynamoDbException e) {
                if (ResourceCall.errorCode(e).endsWith("ResourceNotFoundException")) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public PointInTimeRecovery pointInTimeRecovery(String table) {
        PointInTimeRecoveryDescription pitr = ResourceCall.run("dynamodb:DescribeContinuousBackups", "table", table,
                "table.name", () -> client.describeContinuousBackups(r -> r.tableName(table))
                        .continuousBackupsDescription().pointInTimeRecoveryDescription());
        if (pitr == null || pitr.pointInTimeRecoveryStatus() != PointInTimeRecoveryStatus.ENABLED) {
            return new PointInTimeRecovery(false, null, null);
        }
        return new PointInTimeRecovery(true, pitr.earliestRestorableDateTime(), pitr.latestRestorableDateTime());
    }

    @Override
    public BackupDescription describeBackup(String backupArn) {
        var description = ResourceCall.run("dynamodb:DescribeBackup", "backup", backupArn, null,
                () -> client.describeBackup(r -> r.backupArn(backupArn)).backupDescription());
        BackupDetails b = description.backupDetails();
        SourceTableDetails source = description.sourceTableDetails();
        TableBackup backup = new TableBackup(b.backupArn(), b.backupName(), source.tableName(), b.backupCreationDateTime(),
                b.backupStatusAsString(), b.backupSizeBytes() == null ? 0 : b.backupSizeBytes());
        return new BackupDescription(backup, source.itemCount() == null ? 0 : source.itemCount(),
                source.tableSizeBytes() == null ? 0 : source.tableSizeBytes());
    }

    @Override
    public TableState restore(String backupArn, String targetTable) {
        Tables.requireName("targetTable", targetTable);
        return state(ResourceCall.run("dynamodb:RestoreTableFromBackup", "backup", backupArn, null, () -> {
            try {
                return client.restoreTableFromBackup(r -> r.backupArn(backupArn).targetTableName(targetTable))
                        .tableDescription();
            } catch (TableAlreadyExistsException e) {
                // a state of the account to change, not a failure of the call: as a missing resource is
                throw new PreconditionFailedException("table " + targetTable + " already exists"
                        + " (dynamodb:RestoreTableFromBackup: TableAlreadyExistsException); restore into a new table name");
            }
        }));
    }

    private static TableState state(TableDescription t) {
        return new TableState(t.tableName(), t.tableStatusAsString(), t.itemCount() == null ? 0 : t.itemCount(),
                t.tableSizeBytes() == null ? 0 : t.tableSizeBytes());
    }
}
