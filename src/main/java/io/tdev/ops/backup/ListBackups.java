package io.tdev.ops.backup;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.backup.BackupListResult;
import io.tdev.ops.api.backup.ListBackupsRequest;
import io.tdev.ops.api.backup.ListBackupsUseCase;
import io.tdev.ops.model.TableBackup;
import io.tdev.ops.support.Durations;
import io.tdev.ops.support.Retry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The runbook's {@code aws dynamodb list-backups}, newest first, with ages on the injected clock. */
public final class ListBackups implements ListBackupsUseCase {
    private final OpsContext ctx;

    public ListBackups(OpsContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public BackupListResult run(ListBackupsRequest request) {
        String table = ctx.config().table().name();
        List<TableBackup> backups = Retry.reads(ctx.sleeper()).call(() -> ctx.ports().tables().listBackups(table));
        Instant now = ctx.clock().instant();
        List<BackupListResult.Entry> entries = backups.stream().limit(request.limit())
                .map(b -> new BackupListResult.Entry(b.name(), Durations.format(Duration.between(b.createdAt(), now)),
                        b.sizeBytes(), b.status(), b.createdAt(), b.arn()))
                .toList();
        return new BackupListResult(table, backups.size(), entries);
    }
}
