package io.tdev.ops.health;

/** Overall verdict of a health check. */
public enum Verdict { HEALTHY, DEGRADED, UNHEALTHY, UNKNOWN }
