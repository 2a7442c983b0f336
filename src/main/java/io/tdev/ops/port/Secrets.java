package io.tdev.ops.port;

import java.time.Instant;
import java.util.Optional;

/** Secrets Manager. Never returns a secret's value: the runbook only rotates and inspects. */
public interface Secrets {
    /** Starts rotation; returns the new version id. */
    String rotate(String secretId);

    Optional<Instant> lastRotated(String secretId);
}
