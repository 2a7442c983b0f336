package io.tdev.ops.aws;

import io.tdev.ops.model.DbInstance;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.port.Databases;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.OrderableDBInstanceOption;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@link Databases} on RDS (query protocol): DescribeDBInstances, ModifyDBInstance of the instance class (now or in
 * the maintenance window), and DescribeOrderableDBInstanceOptions for the classes the engine may move to.
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
        String pending = db.pendingModifiedValues() == null ? null : db.pendingModifiedValues().dbInstanceClass();
        return new DbInstance(db.dbInstanceIdentifier(), db.dbInstanceClass(), db.dbInstanceStatus(), db.engine(),
                db.engineVersion(), Boolean.TRUE.equals(db.multiAZ()), pending);
    }

    @Override
    public void modifyInstanceClass(String instanceId, String instanceClass, boolean applyImmediately) {
        if (instanceClass == null || !INSTANCE_CLASS.matcher(instanceClass).matches()) {
            throw new InvalidInputException("instanceClass", "got '" + instanceClass
                    + "'; expected an RDS instance class such as db.r6g.large");
        }
        ResourceCall.exec("rds:ModifyDBInstance", "DB instance", instanceId, null,
                () -> client.modifyDBInstance(r -> r.dbInstanceIdentifier(instanceId).dbInstanceClass(instanceClass)
                        .applyImmediately(applyImmediately)));
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
