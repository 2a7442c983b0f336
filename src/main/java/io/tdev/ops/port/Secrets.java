package io.tdev.ops.port;

import io.tdev.ops.model.SecretValue;

import java.time.Instant;
import java.util.Optional;

/**
 * Secrets Manager. The runbook rotates and inspects; the one value it reads is the admin endpoint's bearer token,
 * returned as a {@link SecretValue} that prints as {@code ****}.
 */
public interface Secrets {
    /** Starts rotation; returns the new version id. */
    String rotate(String secretId);

    Optional<Instant> lastRotated(String secretId);

    /**
     * One key of a JSON secret's current value (AWSCURRENT). A missing secret or key is a PreconditionFailedException
     * naming the secret and the key, never the value; a failure never quotes the service's text (it may hold the value).
     */
    SecretValue value(String secretId, String key);
}
