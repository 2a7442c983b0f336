package io.tdev.ops.api.backup;

import io.tdev.ops.model.InvalidInputException;

/** @param limit at most this many backups, newest first (1..1000) */
public record ListBackupsRequest(int limit) {
    public ListBackupsRequest {
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit", "got " + limit + "; allowed 1..1000");
        }
    }
}
