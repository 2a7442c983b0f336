package io.tdev.ops.api.backup;

import io.tdev.ops.model.InvalidInputException;

import java.util.regex.Pattern;

/**
 * @param backup      {@code latest} (the newest AVAILABLE backup of the live table) or a backup ARN
 * @param targetTable the NEW table to restore into (3..255 of a-z A-Z 0-9 _ - .)
 * @param dryRun      check everything and return the plan; restore nothing
 */
public record RestoreRequest(String backup, String targetTable, boolean dryRun) {
    public static final String LATEST = "latest";
    private static final Pattern BACKUP_ARN = Pattern.compile(
            "arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\\d{12}:table/[A-Za-z0-9_.-]{3,255}/backup/[A-Za-z0-9-]{1,64}");
    private static final Pattern TABLE = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

    public RestoreRequest {
        if (backup == null || backup.isBlank()) {
            throw new InvalidInputException("backup", "required; allowed: latest or a backup ARN"
                    + " (arn:aws:dynamodb:REGION:ACCOUNT:table/TABLE/backup/ID)");
        }
        backup = backup.strip();
        if (!backup.equals(LATEST) && !BACKUP_ARN.matcher(backup).matches()) {
            throw new InvalidInputException("backup", "got '" + backup + "'; allowed: latest or a backup ARN"
                    + " (arn:aws:dynamodb:REGION:ACCOUNT:table/TABLE/backup/ID)");
        }
        if (targetTable == null || !TABLE.matcher(targetTable).matches()) {
            throw new InvalidInputException("targetTable", "got '" + targetTable + "'; allowed: a new table name of 3 to"
                    + " 255 of the characters a-z A-Z 0-9 _ - . (e.g. t-developer-metadata-production-restored)");
        }
    }

    public boolean latest() {
        return backup.equals(LATEST);
    }
}
