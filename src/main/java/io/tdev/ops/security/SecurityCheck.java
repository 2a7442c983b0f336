package io.tdev.ops.security;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.security.SecurityCheckRequest;
import io.tdev.ops.api.security.SecurityCheckResult;
import io.tdev.ops.api.security.SecurityCheckUseCase;
import io.tdev.ops.api.security.SecuritySignal;
import io.tdev.ops.api.security.SecurityStatus;
import io.tdev.ops.model.TdevException;
import io.tdev.ops.support.Retry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The runbook's daily security check, one signal after the other (five reads; none is slow enough to be worth
 * threads). Each read is retried when AWS says it may help; a signal that still cannot be read is UNKNOWN with
 * the reason, and the others are still read.
 */
public final class SecurityCheck implements SecurityCheckUseCase {
    private final OpsContext context;

    public SecurityCheck(OpsContext context) {
        this.context = context;
    }

    @Override
    public SecurityCheckResult run(SecurityCheckRequest request) {
        Instant now = context.clock().instant();
        Duration window = Duration.ofHours(request.windowHours());
        Retry retry = Retry.reads(context.sleeper());
        var settings = context.config().security();
        var logs = new LogEventSignal(context.ports().logs(), context.config().logGroup(), retry, now, window);
        List<SecuritySignal> signals = new ArrayList<>();
        context.progress().report("security check: " + request.windowHours() + " h of " + context.config().logGroup()
                + ", security groups *" + settings.groupNameContains() + "*, secret " + context.config().secret()
                + ", bucket " + context.config().bucket());
        signals.add(guarded("failed-logins", () -> logs.read(LogEventSignal.FAILED_LOGINS,
                settings.failedLoginsWarning(), settings.failedLoginsCritical(), settings.surgeFactor())));
        signals.add(guarded("rate-limited", () -> logs.read(LogEventSignal.RATE_LIMITED,
                settings.rateLimitedWarning(), settings.rateLimitedCritical(), settings.surgeFactor())));
        signals.add(guarded("open-security-groups", () -> new OpenSecurityGroupsSignal(
                context.ports().securityGroups(), retry).read(settings.groupNameContains(), settings.allowedOpenPorts())));
        signals.add(guarded("secret-age", () -> new SecretAgeSignal(context.ports().secrets(), retry, now)
                .read(context.config().secret(), settings.secretMaxAgeDays())));
        signals.add(guarded("bucket-public-access", () -> new BucketPublicAccessSignal(context.ports().storage(), retry)
                .read(context.config().bucket())));
        SecurityStatus verdict = SecurityCheckResult.verdict(signals);
        context.progress().report("security check: " + verdict);
        return new SecurityCheckResult(verdict, signals, now, request.windowHours());
    }

    /** A signal that throws is UNKNOWN with why; an interrupt still ends the whole check. */
    private static SecuritySignal guarded(String name, Supplier<SecuritySignal> read) {
        try {
            return read.get();
        } catch (TdevException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            return new SecuritySignal(name, SecurityStatus.UNKNOWN, null, "could not be read: " + e.getMessage());
        }
    }
}
