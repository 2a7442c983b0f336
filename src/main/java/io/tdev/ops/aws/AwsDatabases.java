package io.tdev.ops.aws;

import io.tdev.ops.model.DbInstance;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.port.Databases;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.util.regex.Pattern;

/**
 * {@link Databases} on RDS: DescribeDBInstances, and ModifyDBInstance of the instance class with
 * ApplyImmediately (the runbook scales up during an incident, not at the next maintenance window).
 * <p>
 * {@code new AwsDatabases(client)}.
 */
public final class AwsDatabases implements Databases {
    private static final Pattern INSTANCE_CLASS = Pattern.compile("db\\.[a-z0-9-]+\\.[a-z0-9]+");

    private final RdsClient client;

    public AwsDatabases(RdsClient client) {
        this.client = client;
    }

    @Override
    public DbInstance describe(String instanceId) {
        DBInstance db = ResourceCall.run("rds:DescribeDBInstances", "DB instance", instanceId, null,
                () -> client.describeDBInstances(r -> r.dbInstanceIdentifier(instanceId)).dbInstances().get(0));
        return new DbInstance(db.dbInstanceIdentifier(), db.dbInstanceClass(), db.dbInstanceStatus());
    }

    @Override
    public void modifyInstanceClass(String instanceId, String instanceClass) {
        if (instanceClass == null || !INSTANCE_CLASS.matcher(instanceClass).matches()) {
            throw new InvalidInputException("instanceClass", "got '" + instanceClass
                    + "'; expected an RDS instance class such as db.r6g.large");
        }
        ResourceCall.exec("rds:ModifyDBInstance", "DB instance", instanceId, null,
                () -> client.modifyDBInstance(r -> r.dbInstanceIdentifier(instanceId).dbInstanceClass(instanceClass)
                        .applyImmediately(true)));
    }
}
