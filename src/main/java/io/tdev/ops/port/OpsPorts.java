package io.tdev.ops.port;

/** Every port of one environment, as an adapter set (AWS or simulated) provides them. */
public record OpsPorts(Ecs ecs, AutoScaling autoScaling, Alarms alarms, Metrics metrics, Logs logs,
                       TargetHealth targetHealth, Storage storage, Tables tables, Notifier notifier,
                       ImageScans imageScans, Secrets secrets, Dns dns, Databases databases,
                       SecurityGroups securityGroups, Admin admin, Webhooks webhooks,
                       TestReports testReports) {

    // One port replaced, the rest kept: tests that wrap a port use these instead of the whole constructor, so a
    // new port touches only this record and its two adapter sets.

    public OpsPorts withEcs(Ecs newEcs) {
        return new OpsPorts(newEcs, autoScaling, alarms, metrics, logs, targetHealth, storage, tables, notifier,
                imageScans, secrets, dns, databases, securityGroups, admin, webhooks, testReports);
    }

    public OpsPorts withNotifier(Notifier newNotifier) {
        return new OpsPorts(ecs, autoScaling, alarms, metrics, logs, targetHealth, storage, tables, newNotifier,
                imageScans, secrets, dns, databases, securityGroups, admin, webhooks, testReports);
    }

    public OpsPorts withImageScans(ImageScans newImageScans) {
        return new OpsPorts(ecs, autoScaling, alarms, metrics, logs, targetHealth, storage, tables, notifier,
                newImageScans, secrets, dns, databases, securityGroups, admin, webhooks, testReports);
    }

    public OpsPorts withAdmin(Admin newAdmin) {
        return new OpsPorts(ecs, autoScaling, alarms, metrics, logs, targetHealth, storage, tables, notifier,
                imageScans, secrets, dns, databases, securityGroups, newAdmin, webhooks, testReports);
    }

    /** The build's test reports read from elsewhere (a Jenkins step reads its workspace, perhaps on an agent). */
    public OpsPorts withTestReports(TestReports newTestReports) {
        return new OpsPorts(ecs, autoScaling, alarms, metrics, logs, targetHealth, storage, tables, notifier,
                imageScans, secrets, dns, databases, securityGroups, admin, webhooks, newTestReports);
    }
}
