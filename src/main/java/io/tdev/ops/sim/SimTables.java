package io.tdev.ops.sim;

import io.tdev.ops.model.BackupDescription;
import io.tdev.ops.model.Checks;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PointInTimeRecovery;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.ScanSegments;
import io.tdev.ops.model.TableBackup;
import io.tdev.ops.model.TableState;
import io.tdev.ops.port.Tables;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * DynamoDB: the metadata table (one item per generated project, with its creation time and user) and its
 * on-demand backups (CREATING for a minute, then AVAILABLE). A restore creates a new table with the items the
 * backup held, CREATING for {@link #RESTORE_TAKES} (DynamoDB answers a read of it with ResourceNotFoundException
 * until then), then ACTIVE. Point-in-time recovery is on for the live table unless the scenario turns it off; a
 * restored table starts without it, as in DynamoDB.
 */
final class SimTables implements Tables {
    private static final Duration BACKUP_TAKES = Duration.ofMinutes(1);
    static final Duration RESTORE_TAKES = Duration.ofMinutes(4);
    /** DynamoDB keeps point-in-time recovery data for 35 days. */
    private static final Duration PITR_WINDOW = Duration.ofDays(35);
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);

    record Item(String projectId, Instant createdAt, String userId) {
    }

    private record Backup(String arn, String name, String table, Instant createdAt, List<Item> items) {
    }

    private final SimWorld world;
    private final Map<String, List<Item>> tables = new LinkedHashMap<>();
    private final List<Backup> backups = new ArrayList<>();
    private final Set<String> indexes = new HashSet<>();
    /** Restored tables: when each becomes ACTIVE. */
    private final Map<String, Instant> activeAt = new LinkedHashMap<>();
    private final Set<String> pitr = new HashSet<>();

    SimTables(SimWorld world) {
        this.world = world;
        tables.put(world.config.table().name(), new ArrayList<>());
        pitr.add(world.config.table().name());
        if (world.config.table().createdAtIndex() != null) {
            indexes.add(world.config.table().createdAtIndex());
        }
    }

    /** Projects of the last {@code days} days, about {@code perDay} a day, by {@code users} users. */
    void fill(int days, int perDay, int users) {
        Random r = new Random(world.seed ^ 0xddL);
        List<Item> items = tables.get(world.config.table().name());
        for (int d = days; d >= 0; d--) {
            int n = perDay / 2 + r.nextInt(perDay + 1);
            for (int i = 0; i < n; i++) {
                Instant at = world.epoch.minus(Duration.ofDays(d)).minusSeconds(r.nextInt(86_400));
                if (at.isBefore(world.epoch)) {
                    items.add(new Item(LogLines.uuid(r), at, String.format("user-%04d", 1 + r.nextInt(users))));
                }
            }
        }
    }

    /** Projects of days {@code fromDay..toDay} before the start (older history, its own random stream). */
    void fillHistory(int fromDay, int toDay, int perDay, int users) {
        Random r = new Random(world.seed ^ 0xd1L);
        List<Item> items = tables.get(world.config.table().name());
        for (int d = toDay; d >= fromDay; d--) {
            int n = perDay / 2 + r.nextInt(perDay + 1);
            for (int i = 0; i < n; i++) {
                Instant at = world.epoch.minus(Duration.ofDays(d)).minusSeconds(r.nextInt(86_400));
                items.add(new Item(LogLines.uuid(r), at, String.format("user-%04d", 1 + r.nextInt(users))));
            }
        }
    }

    /** An AVAILABLE backup taken {@code age} before the simulation began. */
    void addBackup(Duration age) {
        Instant at = world.epoch.minus(age);
        String table = world.config.table().name();
        List<Item> snapshot = tables.get(table).stream().filter(i -> i.createdAt().isBefore(at)).toList();
        backups.add(new Backup(backupArn(table, at), table + "-daily-" + NAME_TIME.format(at), table, at, snapshot));
    }

    /**
     * Bytes an item takes in the table, as DynamoDB sizes it (attribute names and values): project_id (a UUID), user_id,
     * created_at (ISO-8601), status, name and the S3 key of the zip: about 240. A Scan reads 1 MB a page, so the
     * healthy scenario's ~3,400 items (57 days) are one page, and a table past 1 MB costs a Scan call per MB.
     */
    static final long ITEM_BYTES = 240;

    void pointInTimeRecovery(boolean enabled) {
        if (enabled) {
            pitr.add(world.config.table().name());
        } else {
            pitr.remove(world.config.table().name());
        }
    }

    /**
     * As the AWS adapter does it: DescribeTable (the index's keys, or the table's size), then one Query per UTC day of
     * the range on the index, or a Select=COUNT Scan in {@link ScanSegments#forTableSize} segments, each read in 1 MB pages.
     */
    @Override
    public long countBetween(String table, String timeAttribute, Instant from, Instant to, Optional<String> indexName) {
        Checks.range(from, to);
        long size = describe(table);
        if (indexName.isPresent()) {
            if (!indexes.contains(indexName.get())) {
                // the adapter reads the index's keys from DescribeTable and refuses an index the table does not have
                throw new InvalidInputException("table.createdAtIndex", "got '" + indexName.get() + "'; table " + table
                        + " has the indexes " + List.copyOf(indexes));
            }
            long count = 0;
            for (Instant day = from.truncatedTo(ChronoUnit.DAYS); day.isBefore(to); day = day.plus(Duration.ofDays(1))) {
                Instant lo = day.isBefore(from) ? from : day;
                Instant hi = day.plus(Duration.ofDays(1)).isBefore(to) ? day.plus(Duration.ofDays(1)) : to;
                count += world.call(Api.DYNAMODB_QUERY, () -> countIn(table, timeAttribute, lo, hi));
            }
            return count;
        }
        scanPages(size);
        return world.inspect(() -> countIn(table, timeAttribute, from, to));
    }

    private long countIn(String table, String timeAttribute, Instant from, Instant to) {
        if (!timeAttribute.equals(world.config.table().createdAtAttribute())) {
            return 0L;
        }
        return items(table).stream().filter(i -> !i.createdAt().isBefore(from) && i.createdAt().isBefore(to)).count();
    }

    /** One DescribeTable call: the table's size in bytes (ResourceNotFound when there is no such table). */
    private long describe(String table) {
        return world.call(Api.DESCRIBE_TABLE, () -> items(table).size() * ITEM_BYTES);
    }

    /** The Scan calls of a whole-table scan: per segment, one per 1 MB page of its share (at least one). */
    private void scanPages(long tableBytes) {
        int segments = ScanSegments.forTableSize(tableBytes);
        long perSegment = (tableBytes + segments - 1) / segments;
        long pages = Math.max(1, (perSegment + ScanSegments.PAGE_BYTES - 1) / ScanSegments.PAGE_BYTES);
        for (int s = 0; s < segments; s++) {
            for (long p = 0; p < pages; p++) {
                world.exec(Api.DYNAMODB_SCAN, () -> {
                });
            }
        }
    }

    @Override
    public long countDistinct(String table, String attribute, String timeAttribute, Instant from, Instant to) {
        Checks.range(from, to);
        scanPages(describe(table));
        return world.inspect(() -> {
            List<Item> items = items(table);
            if (!timeAttribute.equals(world.config.table().createdAtAttribute())) {
                return 0L;
            }
            return items.stream().filter(i -> !i.createdAt().isBefore(from) && i.createdAt().isBefore(to))
                    .map(i -> value(i, attribute)).filter(v -> v != null).distinct().count();
        });
    }

    private String value(Item i, String attribute) {
        if (attribute.equals(world.config.table().userIdAttribute())) {
            return i.userId();
        }
        if (attribute.equals("project_id")) {
            return i.projectId();
        }
        return attribute.equals(world.config.table().createdAtAttribute()) ? i.createdAt().toString() : null;
    }

    @Override
    public long countItems(String table) {
        scanPages(describe(table)); // as the adapter: DescribeTable for the segments, then the Select=COUNT pages
        return world.inspect(() -> (long) items(table).size());
    }

    @Override
    public Optional<TableState> describeTable(String table) {
        return world.call(Api.DESCRIBE_TABLE, () -> {
            List<Item> items = tables.get(table);
            if (items == null) {
                return Optional.empty();
            }
            // DynamoDB reports 0 items for a table that is still being created
            return Optional.of(creating(table) ? new TableState(table, "CREATING", 0, 0)
                    : new TableState(table, "ACTIVE", items.size(), items.size() * ITEM_BYTES));
        });
    }

    @Override
    public PointInTimeRecovery pointInTimeRecovery(String table) {
        return world.call(Api.DESCRIBE_CONTINUOUS_BACKUPS, () -> {
            items(table);
            if (!pitr.contains(table)) {
                return new PointInTimeRecovery(false, null, null);
            }
            Instant latest = world.now().minus(Duration.ofMinutes(5));
            return new PointInTimeRecovery(true, world.epoch.minus(PITR_WINDOW), latest);
        });
    }

    @Override
    public BackupDescription describeBackup(String backupArn) {
        return world.call(Api.DESCRIBE_BACKUP, () -> {
            Backup b = backup(backupArn);
            return new BackupDescription(view(b, world.now()), b.items().size(), b.items().size() * ITEM_BYTES);
        });
    }

    private Backup backup(String backupArn) {
        return backups.stream().filter(x -> x.arn().equals(backupArn)).findFirst()
                .orElseThrow(() -> new PreconditionFailedException("backup " + backupArn + " not found (BackupNotFoundException)"));
    }

    private boolean creating(String table) {
        Instant at = activeAt.get(table);
        return at != null && world.now().isBefore(at);
    }

    @Override
    public TableBackup createBackup(String table, String backupName) {
        Tables.requireName("backupName", backupName);
        return world.call(Api.CREATE_BACKUP, () -> {
            List<Item> items = items(table);
            Instant now = world.now();
            Backup b = new Backup(backupArn(table, now), backupName, table, now, List.copyOf(items));
            backups.add(b);
            return view(b, now);
        });
    }

    @Override
    public List<TableBackup> listBackups(String table) {
        return world.call(Api.LIST_BACKUPS, () -> {
            items(table);
            Instant now = world.now();
            return backups.stream().filter(b -> b.table().equals(table))
                    .sorted(Comparator.comparing(Backup::createdAt).reversed())
                    .map(b -> view(b, now)).toList();
        });
    }

    @Override
    public TableState restore(String backupArn, String targetTable) {
        Tables.requireName("targetTable", targetTable);
        return world.call(Api.RESTORE_TABLE, () -> {
            Backup b = backup(backupArn);
            if (tables.containsKey(targetTable)) {
                throw new PreconditionFailedException("table " + targetTable + " already exists"
                        + " (dynamodb:RestoreTableFromBackup: TableAlreadyExistsException); restore into a new table name");
            }
            if (world.now().isBefore(b.createdAt().plus(BACKUP_TAKES))) {
                throw new RemoteFailureException(Api.RESTORE_TABLE, Api.RESTORE_TABLE
                        + " failed: BackupInUseException: backup " + b.name() + " is still being created", true);
            }
            tables.put(targetTable, new ArrayList<>(b.items()));
            activeAt.put(targetTable, world.now().plus(RESTORE_TAKES));
            return new TableState(targetTable, "CREATING", 0, 0);
        });
    }

    private TableBackup view(Backup b, Instant now) {
        String status = now.isBefore(b.createdAt().plus(BACKUP_TAKES)) ? "CREATING" : "AVAILABLE";
        return new TableBackup(b.arn(), b.name(), b.table(), b.createdAt(), status, b.items().size() * ITEM_BYTES);
    }

    private List<Item> items(String table) {
        List<Item> items = tables.get(table);
        if (items == null || creating(table)) {
            throw new PreconditionFailedException("DynamoDB table " + table + " not found (ResourceNotFoundException)");
        }
        return items;
    }

    private String backupArn(String table, Instant at) {
        return world.arn("dynamodb", "table/" + table + "/backup/0" + at.toEpochMilli() + "-" + world.ids.hex("backup", 8));
    }

    Set<String> tableNames() {
        return tables.keySet();
    }

    List<TableBackup> backups() {
        Instant now = world.now();
        return backups.stream().sorted(Comparator.comparing(Backup::createdAt).reversed()).map(b -> view(b, now)).toList();
    }
}
