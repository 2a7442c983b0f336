package io.tdev.ops.health;

/**
 * Status of one health signal. INFO is informational (never changes the verdict); UNKNOWN = could not be read;
 * NOT_APPLICABLE = the environment has nothing this signal could read (a service without a load balancer has no
 * target health): a fact of its configuration, said so and not counted, unlike UNKNOWN which may hide a failure.
 */
public enum SignalStatus { HEALTHY, DEGRADED, UNHEALTHY, UNKNOWN, INFO, NOT_APPLICABLE }
