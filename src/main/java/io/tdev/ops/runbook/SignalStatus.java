package io.tdev.ops.runbook;

/** Status of one health signal. INFO is informational (never changes the verdict); UNKNOWN = could not be read. */
public enum SignalStatus { HEALTHY, DEGRADED, UNHEALTHY, UNKNOWN, INFO }
