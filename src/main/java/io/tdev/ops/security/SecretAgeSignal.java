package io.tdev.ops.security;

import io.tdev.ops.api.security.SecuritySignal;
import io.tdev.ops.api.security.SecurityStatus;
import io.tdev.ops.model.SecretStatus;
import io.tdev.ops.port.Secrets;
import io.tdev.ops.support.Retry;

import java.time.Duration;
import java.time.Instant;

/**
 * How old the API-key secret's value in use is: the AWSCURRENT version's creation, which moves with a rotation
 * and with a value put by hand alike (LastRotatedDate moves only with a rotation). Older than the maximum is a
 * finding; older than twice the maximum is critical.
 */
final class SecretAgeSignal {
    private final Secrets secrets;
    private final Retry retry;
    private final Instant now;

    SecretAgeSignal(Secrets secrets, Retry retry, Instant now) {
        this.secrets = secrets;
        this.retry = retry;
        this.now = now;
    }

    SecuritySignal read(String secret, int maxAgeDays) {
        SecretStatus status = retry.call(() -> secrets.status(secret));
        long days = Duration.between(status.currentVersionCreated(), now).toDays();
        SecurityStatus verdict = days > 2L * maxAgeDays ? SecurityStatus.CRITICAL
                : days > maxAgeDays ? SecurityStatus.WARNING : SecurityStatus.OK;
        String evidence = "current value of " + secret + " (version " + status.currentVersionId() + ") is " + days
                + " days old (max " + maxAgeDays + "); rotation "
                + (status.rotationEnabled() ? "configured, last rotated " + status.lastRotated() : "not configured")
                + (status.pendingVersionId() != null ? "; a rotation is under way (version " + status.pendingVersionId()
                        + " AWSPENDING)" : "")
                + (verdict != SecurityStatus.OK ? "; run rotate-secret" : "");
        return new SecuritySignal("secret-age", verdict, days, evidence);
    }
}
