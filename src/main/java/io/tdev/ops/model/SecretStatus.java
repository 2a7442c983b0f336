package io.tdev.ops.model;

import java.time.Instant;

/**
 * What Secrets Manager says about a secret without reading its value (DescribeSecret, ListSecretVersionIds).
 *
 * @param rotationEnabled          rotation is configured (a rotation function or managed rotation)
 * @param lastRotated              when rotation last finished, or null
 * @param currentVersionId         the version labelled AWSCURRENT
 * @param currentVersionCreated    when that version was created: how old the value in use is
 * @param previousVersionId        the version labelled AWSPREVIOUS, or null
 * @param pendingVersionId         a version labelled AWSPENDING only (a rotation under way), or null
 */
public record SecretStatus(String name, boolean rotationEnabled, Instant lastRotated, String currentVersionId,
                           Instant currentVersionCreated, String previousVersionId, String pendingVersionId) {
}
