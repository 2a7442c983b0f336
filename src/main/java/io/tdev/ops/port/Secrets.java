package io.tdev.ops.port;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.SecretValue;
import io.tdev.ops.model.SecretStatus;

import java.time.Instant;
import java.util.Optional;

/**
 * Secrets Manager. The runbook rotates and inspects secrets; the one secret value it reads is the admin endpoint's
 * bearer token, returned as a {@link SecretValue} that prints as {@code ****}. The only values it reads and writes
 * otherwise are its own documents (the bucket policy a lockdown saved), which hold nothing secret.
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

    /** Rotation settings and version stages, without the value. */
    SecretStatus status(String secretId);

    /**
     * Stores a new random value as a new version (AWSCURRENT; the version it replaces becomes AWSPREVIOUS) and
     * returns the new version id. The value is made and sent by the adapter: it never reaches the caller.
     */
    String putRandomValue(String secretId);

    /** The current value of one of tdev-ops' own documents, or empty when that secret does not exist. */
    Optional<String> readDocument(String secretId);

    /**
     * Stores a document as the new current version, creating the secret when it does not exist. A document Secrets
     * Manager would refuse is an InvalidInputException ({@link #requireDocument}) before anything is sent.
     */
    void writeDocument(String secretId, String document, String description);

    /** The longest SecretString Secrets Manager stores, in bytes. */
    int MAX_SECRET_BYTES = 65_536;

    /** What every adapter checks before it writes a document: 1 to {@link #MAX_SECRET_BYTES} bytes of UTF-8. */
    static void requireDocument(String document) {
        int bytes = document == null ? 0 : document.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > MAX_SECRET_BYTES) {
            throw new InvalidInputException("document", "got " + bytes + " bytes; Secrets Manager stores 1 to "
                    + MAX_SECRET_BYTES);
        }
    }
}
