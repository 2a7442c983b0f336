package io.tdev.ops.port;

import io.tdev.ops.model.DbInstance;

/** RDS. */
public interface Databases {
    DbInstance describe(String instanceId);

    void modifyInstanceClass(String instanceId, String instanceClass);
}
