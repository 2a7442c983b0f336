package io.tdev.ops.port;

import io.tdev.ops.model.DbInstance;

import java.util.List;

/** RDS. */
public interface Databases {
    DbInstance describe(String instanceId);

    /**
     * Moves the instance to another class: at once ({@code applyImmediately}) or in its next maintenance window.
     */
    void modifyInstanceClass(String instanceId, String instanceClass, boolean applyImmediately);

    /** The instance classes RDS offers for this engine and version in the region (DescribeOrderableDBInstanceOptions). */
    List<String> orderableClasses(String engine, String engineVersion);
}
