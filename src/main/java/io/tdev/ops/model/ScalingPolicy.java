package io.tdev.ops.model;

/** A scaling policy: name, type (TargetTrackingScaling, StepScaling) and, for target tracking, its target value. */
public record ScalingPolicy(String name, String type, Double targetValue, String metric) {
}
