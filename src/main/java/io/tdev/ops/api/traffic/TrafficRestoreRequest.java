package io.tdev.ops.api.traffic;

/** Put back exactly what the prepare of a traffic event changed, as it recorded it on the service. */
public record TrafficRestoreRequest(boolean dryRun) {
}
