package io.tdev.ops.aws;

import io.tdev.ops.model.DbInstance;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.port.Databases;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.OrderableDBInstanceOption;
import software.amazon.awssdk.services.rds.model.RdsException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link Databases} on RDS (query protocol): DescribeDBInstances, ModifyDBInstance of the instance class (now or in
 * the maintenance window), and DescribeOrderableDBInstanceOptions for the classes the engine may move to.
 * <p>
 * {@code new AwsDatabases(client)}.
 */
public final class AwsDatabases implements Databases {
    private final RdsClient client;

    public AwsDatabases(RdsClient client) {
        this.client = client;
    }

    @Override
    public DbInstance describe(String instanceId) {
        DBInstance db = ResourceCall.run("rds:DescribeDBInstances", "DB instance", instanceId, null,
                () -> client.describeDBInstances(r -> r.dbInstanceIdentifier(instanceId)).dbInstances().get(0));
        String pending = db.pendingModifiedValues() == null ? null : db.pendingModifiedValues().dbInstanceClass();
        return new DbInstance(db.dbInstanceIdentifier(), db.dbInstanceClass(), db.dbInstanceStatus(), db.engine(),
                db.engineVersion(), Boolean.TRUE.equals(db.multiAZ()), pending);
    }

    @Override
    public void modifyInstanceClass(String instanceId, String instanceClass, boolean applyImmediately) {
        Databases.requireInstanceClass(instanceClass);
        ResourceCall.exec("rds:ModifyDBInstance", "DB instance", instanceId, null, () -> {
            try {
                client.modifyDBInstance(r -> r.dbInstanceIdentifier(instanceId).dbInstanceClass(instanceClass)
                        .applyImmediately(applyImmediately));
            } catch (RdsException e) {
                // the only combination this call sends is the class with the instance's engine: the class is the bad input
                if ("InvalidParameterCombination".equals(ResourceCall.errorCode(e))) {
                    throw new InvalidInputException("instanceClass", "RDS refused '" + instanceClass
                            + "' (InvalidParameterCombination): " + e.awsErrorDetails().errorMessage()
                            + "; pick one of the classes RDS offers for the engine (DescribeOrderableDBInstanceOptions)");
                }
                throw e;
            }
        });
    }

    @Override
    public List<String> orderableClasses(String engine, String engineVersion) {
        // one option per class and availability-zone/storage combination: the paginator walks every page
        Set<String> classes = new LinkedHashSet<>();
        ResourceCall.exec("rds:DescribeOrderableDBInstanceOptions", "DB engine", engine + " " + engineVersion, null,
                () -> client.describeOrderableDBInstanceOptionsPaginator(r -> r.engine(engine).engineVersion(engineVersion))
                        .forEach(page -> page.orderableDBInstanceOptions().stream()
                                .map(OrderableDBInstanceOption::dbInstanceClass).forEach(classes::add)));
        return List.copyOf(classes);
    }
}
