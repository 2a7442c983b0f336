package io.tdev.ops.api.traffic;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.port.Databases;


/**
 * Move the environment's database to another instance class.
 *
 * @param instanceClass    the new class, e.g. {@code db.r6g.xlarge} (RDS must offer it for the engine)
 * @param applyImmediately now (with the downtime the plan names) instead of in the next maintenance window
 * @param dryRun           only the plan
 */
public record DbResizeRequest(String instanceClass, boolean applyImmediately, boolean dryRun) {

    public DbResizeRequest {
        instanceClass = requireClass("instanceClass", instanceClass);
    }

    /** An RDS class name, or invalid input naming {@code field}. */
    static String requireClass(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required: an RDS instance class such as db.r6g.xlarge");
        }
        String trimmed = value.strip();
        if (!Databases.INSTANCE_CLASS.matcher(trimmed).matches()) {
            throw new InvalidInputException(field, "got '" + value + "'; expected an RDS instance class such as"
                    + " db.r6g.xlarge (db.FAMILY.SIZE)");
        }
        return trimmed;
    }
}
