package io.tdev.ops.sim;

import java.time.Instant;

/** One call the simulation received: the IAM action, the virtual time, and how it ended (ok, throttled, failed, ...). */
public record SimCall(String api, Instant at, String outcome) {
}
