package io.tdev.ops.port;

import io.tdev.ops.model.DbInstance;
import io.tdev.ops.model.InvalidInputException;

import java.util.List;
import java.util.regex.Pattern;

/** RDS. */
public interface Databases {
    /** RDS' instance class names: {@code db.FAMILY.SIZE}. */
    Pattern INSTANCE_CLASS = Pattern.compile("db\\.[a-z0-9-]+\\.[a-z0-9]+");

    DbInstance describe(String instanceId);

    /**
     * Moves the instance to another class: at once ({@code applyImmediately}) or in its next maintenance window.
     */
    void modifyInstanceClass(String instanceId, String instanceClass, boolean applyImmediately);

    /**
     * Refuses, before RDS is asked, a class that is not an RDS class name (every adapter, so that the simulation
     * refuses what AWS would). A well-formed class RDS does not offer for the engine is refused by RDS
     * (InvalidParameterCombination): an InvalidInputException naming {@code instanceClass} too.
     */
    static void requireInstanceClass(String instanceClass) {
        if (instanceClass == null || !INSTANCE_CLASS.matcher(instanceClass).matches()) {
            throw new InvalidInputException("instanceClass", "got '" + instanceClass
                    + "'; expected an RDS instance class such as db.r6g.large (db.FAMILY.SIZE)");
        }
    }

    /** The instance classes RDS offers for this engine and version in the region (DescribeOrderableDBInstanceOptions). */
    List<String> orderableClasses(String engine, String engineVersion);
}
