package io.tdev.ops.port;

/** Every port of one environment, as an adapter set (AWS or simulated) provides them. */
public record OpsPorts(Ecs ecs, AutoScaling autoScaling, Alarms alarms, Metrics metrics, Logs logs,
                       TargetHealth targetHealth, Storage storage, Tables tables, Notifier notifier,
                       ImageScans imageScans, Secrets secrets, Dns dns, Databases databases,
                       SecurityGroups securityGroups) {
}
