package io.tdev.ops.model;

/** An Application Auto Scaling scalable target for an ECS service's DesiredCount. */
public record ScalableTarget(String resourceId, int minCapacity, int maxCapacity) {
}
