package io.tdev.ops.runbook;

/** Overall verdict of a health check. */
public enum Verdict { HEALTHY, DEGRADED, UNHEALTHY, UNKNOWN }
