package io.tdev.ops.model;

/** ELBv2 target health states. */
public enum TargetState { INITIAL, HEALTHY, UNHEALTHY, UNUSED, DRAINING, UNAVAILABLE, UNHEALTHY_DRAINING }
