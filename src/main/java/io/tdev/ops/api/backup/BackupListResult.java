package io.tdev.ops.api.backup;

import io.tdev.ops.api.Outcome;

import java.time.Instant;
import java.util.List;

/** The table's backups, newest first; {@code total} counts them all, {@code backups} is at most the limit. */
public record BackupListResult(String table, int total, List<Entry> backups) implements Outcome {
    public BackupListResult {
        backups = List.copyOf(backups);
    }

    /** @param age since it was taken, as people read it ({@code 6h}, {@code 74h5m}) */
    public record Entry(String name, String age, long sizeBytes, String status, Instant createdAt, String backupArn) {
    }

    @Override
    public boolean ok() {
        return true;
    }

    @Override
    public String markdown() {
        StringBuilder b = new StringBuilder("## Backups of `" + table + "` (" + backups.size() + " of " + total + ")\n\n"
                + "| name | age | size (bytes) | status | taken at |\n|---|---|---|---|---|\n");
        backups.forEach(e -> b.append("| `").append(e.name()).append("` | ").append(e.age()).append(" | ")
                .append(e.sizeBytes()).append(" | ").append(e.status()).append(" | ").append(e.createdAt()).append(" |\n"));
        return b.toString();
    }
}
