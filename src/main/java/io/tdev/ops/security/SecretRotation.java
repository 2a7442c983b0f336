package io.tdev.ops.security;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.security.RotateSecretRequest;
import io.tdev.ops.api.security.RotateSecretResult;
import io.tdev.ops.api.security.RotateSecretUseCase;
import io.tdev.ops.model.Action;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.SecretStatus;
import io.tdev.ops.api.change.ChangeStatus;
import io.tdev.ops.support.Durations;
import io.tdev.ops.support.Retry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Rotates the API-key secret. Where Secrets Manager rotation is configured it starts one and waits (progress every
 * poll) until the new version is AWSCURRENT, since the rotation function does the work after RotateSecret returns.
 * Where it is not, a new random value goes in as a new version: Secrets Manager makes it AWSCURRENT and keeps the one
 * it replaces as AWSPREVIOUS, so an application that still holds the old key can be moved back by relabelling. The
 * value is made in the adapter and never reaches this class, its result, a progress line or an error.
 */
public final class SecretRotation implements RotateSecretUseCase {
    static final Duration POLL = Duration.ofSeconds(5);

    private final OpsContext context;
    private final String secret;
    private final Retry retry;

    public SecretRotation(OpsContext context) {
        this.context = context;
        this.secret = context.config().secret();
        this.retry = Retry.reads(context.sleeper());
    }

    @Override
    public RotateSecretResult run(RotateSecretRequest request) {
        SecretStatus before = retry.call(() -> context.ports().secrets().status(secret));
        if (before.pendingVersionId() != null) {
            throw new PreconditionFailedException("secret " + secret + " has a rotation under way (version "
                    + before.pendingVersionId() + " is AWSPENDING); nothing was changed: wait for it (security-check"
                    + " shows the age) or look at the rotation function's logs if it is stuck");
        }
        String method = before.rotationEnabled() ? RotateSecretResult.ROTATION : RotateSecretResult.NEW_VERSION;
        Instant now = context.clock().instant();
        String was = "AWSCURRENT " + before.currentVersionId() + " (created " + before.currentVersionCreated() + ")";
        Action action = new Action(method.equals(RotateSecretResult.ROTATION) ? "rotate secret (Secrets Manager rotation)"
                : "put a new random secret value as a new version", secret, was,
                "a new AWSCURRENT version; " + before.currentVersionId() + " becomes AWSPREVIOUS", now, request.dryRun());
        if (request.dryRun()) {
            return new RotateSecretResult(secret, method, ChangeStatus.PLANNED, before.currentVersionId(), null,
                    "dry run, nothing changed; would " + action.what(), null, List.of(action));
        }
        return method.equals(RotateSecretResult.ROTATION) ? rotate(before, action) : putNewVersion(before, action);
    }

    private RotateSecretResult putNewVersion(SecretStatus before, Action action) {
        String version = context.ports().secrets().putRandomValue(secret);
        SecretStatus after = retry.call(() -> context.ports().secrets().status(secret));
        if (!version.equals(after.currentVersionId())) {
            throw new PreconditionFailedException("secret " + secret + ": the new version " + version + " was put but "
                    + after.currentVersionId() + " is AWSCURRENT; look at the secret's versions before running again");
        }
        context.progress().report("secret " + secret + ": new version " + version + " is AWSCURRENT, "
                + before.currentVersionId() + " AWSPREVIOUS");
        return new RotateSecretResult(secret, RotateSecretResult.NEW_VERSION, ChangeStatus.COMPLETED,
                after.previousVersionId(), version, "put a new random value as version " + version + " (AWSCURRENT); "
                + after.previousVersionId() + " is kept as AWSPREVIOUS. The application reads the new key on its next"
                + " secret refresh", null, List.of(done(action, version, before, true)));
    }

    private RotateSecretResult rotate(SecretStatus before, Action action) {
        String version = context.ports().secrets().rotate(secret);
        Duration limit = Duration.ofMinutes(context.config().security().rotationWaitMinutes());
        Duration waited = Duration.ZERO;
        while (true) {
            SecretStatus now = retry.call(() -> context.ports().secrets().status(secret));
            if (version.equals(now.currentVersionId())) {
                context.progress().report("secret " + secret + ": rotation done, version " + version + " is AWSCURRENT");
                return new RotateSecretResult(secret, RotateSecretResult.ROTATION, ChangeStatus.COMPLETED,
                        now.previousVersionId(), version, "rotated by Secrets Manager in " + Durations.format(waited)
                        + ": version " + version + " is AWSCURRENT, " + now.previousVersionId() + " AWSPREVIOUS", null,
                        List.of(done(action, version, before, true)));
            }
            if (waited.compareTo(limit) >= 0) {
                return new RotateSecretResult(secret, RotateSecretResult.ROTATION, ChangeStatus.TIMED_OUT,
                        before.currentVersionId(), version, "rotation started (version " + version + ") but not"
                        + " finished after " + Durations.format(waited) + "; Secrets Manager goes on with it: look at"
                        + " the rotation function's logs", "tdev-ops security-check", List.of(done(action, version, before, false)));
            }
            context.progress().report("waiting for the rotation of " + secret + ": version " + version
                    + " is AWSPENDING (" + Durations.format(waited) + " of " + Durations.format(limit) + ")");
            try {
                context.sleeper().sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new RotateSecretResult(secret, RotateSecretResult.ROTATION, ChangeStatus.ABANDONED,
                        before.currentVersionId(), version, "rotation started (version " + version + "); the wait"
                        + " was stopped after " + Durations.format(waited) + ", not the rotation: Secrets Manager"
                        + " goes on with it", "tdev-ops security-check", List.of(done(action, version, before, false)));
            }
            waited = waited.plus(POLL);
        }
    }

    /** The action as it went: {@code current} when the new version is AWSCURRENT, else still AWSPENDING. */
    private static Action done(Action planned, String version, SecretStatus before, boolean current) {
        return new Action(planned.what(), planned.target(), planned.before(), current
                ? "version " + version + " AWSCURRENT; " + before.currentVersionId() + " AWSPREVIOUS"
                : "version " + version + " AWSPENDING (rotation started, not finished)", planned.at(), false);
    }
}
