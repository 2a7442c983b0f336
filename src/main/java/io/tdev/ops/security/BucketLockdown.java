package io.tdev.ops.security;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.security.LockdownBucketRequest;
import io.tdev.ops.api.security.LockdownBucketResult;
import io.tdev.ops.api.security.LockdownBucketUseCase;
import io.tdev.ops.model.Action;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.TdevException;
import io.tdev.ops.api.change.ChangeStatus;
import io.tdev.ops.support.Retry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Locks the projects bucket down and undoes it. The data-safety rules, each with a test:
 * <ul>
 *   <li>the policy the lockdown replaces (or its absence) is saved before the bucket is touched, in a secret named
 *       by environment, where a restore finds it without reading the bucket;</li>
 *   <li>a saved copy is never overwritten: while a lockdown stands, a second one says so and changes nothing;</li>
 *   <li>a lockdown that stopped after saving resumes from the saved copy; a restore that stopped after putting the
 *       policy back only marks the copy restored;</li>
 *   <li>a policy someone changed by hand in between is never overwritten by either: nothing changes and the
 *       result says what to compare;</li>
 *   <li>{@code restore} puts the saved text back exactly, or deletes the policy when there was none.</li>
 * </ul>
 */
public final class BucketLockdown implements LockdownBucketUseCase {
    private final OpsContext context;
    private final String bucket;
    private final String secret;
    private final Retry retry;

    public BucketLockdown(OpsContext context) {
        this.context = context;
        this.bucket = context.config().bucket();
        this.secret = context.config().security().policyBackupSecret();
        this.retry = Retry.reads(context.sleeper());
    }

    @Override
    public LockdownBucketResult run(LockdownBucketRequest request) {
        Optional<String> current = retry.call(() -> context.ports().storage().bucketPolicy(bucket));
        Optional<SavedPolicy> saved = retry.call(() -> context.ports().secrets().readDocument(secret))
                .map(document -> SavedPolicy.parse(document, secret));
        saved.filter(s -> !s.bucket().equals(bucket)).ifPresent(s -> {
            throw new PreconditionFailedException("secret " + secret + " keeps the policy of bucket " + s.bucket()
                    + ", not of " + bucket + "; nothing was changed: check config fields bucket and"
                    + " security.policyBackupSecret");
        });
        return request.restore() ? restore(current.orElse(null), saved, request.dryRun())
                : lockdown(current.orElse(null), saved, request.dryRun());
    }

    // ---- lockdown -----------------------------------------------------------------------------------------

    private LockdownBucketResult lockdown(String current, Optional<SavedPolicy> saved, boolean dryRun) {
        Instant now = context.clock().instant();
        String lockdown = LockdownPolicy.json(bucket, context.config().security().breakGlassRole());
        Action putLockdown = new Action("put emergency lockdown bucket policy", bucket, LockdownPolicy.describe(current),
                "deny s3:* to all but " + LockdownPolicy.roleArn(context.config().security().breakGlassRole()), now, dryRun);
        if (saved.isPresent() && saved.get().state() == SavedPolicy.State.LOCKED_DOWN) {
            SavedPolicy s = saved.get();
            if (LockdownPolicy.isLockdown(current)) {
                return result("lockdown", ChangeStatus.UNCHANGED, s.hadPolicy(), "bucket " + bucket
                        + " is already locked down (since " + s.savedAt() + ", by " + s.savedBy() + "); the policy it"
                        + " replaced is kept in secret " + secret + " and was not touched", restoreCommand(), List.of());
            }
            if (!LockdownPolicy.same(current, s.policy())) {
                throw new PreconditionFailedException("secret " + secret + " keeps the policy a lockdown replaced at "
                        + s.savedAt() + ", but bucket " + bucket + " now has " + LockdownPolicy.describe(current)
                        + ", neither that one nor the lockdown: someone changed it. Nothing was changed; compare the"
                        + " two by hand before locking down or restoring");
            }
            // saved before, but the lockdown policy never went on: finish what that run started
            return apply("lockdown", List.of(putLockdown), s.hadPolicy(), dryRun, "bucket " + bucket + " locked down, resuming a"
                    + " lockdown that saved its policy at " + s.savedAt() + " and stopped before putting the lockdown on",
                    () -> context.ports().storage().putBucketPolicy(bucket, lockdown), null);
        }
        if (LockdownPolicy.isLockdown(current)) {
            return result("lockdown", ChangeStatus.UNCHANGED, null, "bucket " + bucket + " already carries the"
                    + " lockdown policy, but secret " + secret + " keeps no policy it replaced (put on by hand?):"
                    + " nothing was changed, and --restore has nothing to put back", null, List.of());
        }
        SavedPolicy copy = new SavedPolicy(bucket, SavedPolicy.State.LOCKED_DOWN, now, context.user(), current);
        Action save = new Action("save bucket policy before lockdown", secret,
                saved.isPresent() ? "copy of " + saved.get().savedAt() + ", restored" : "no saved copy",
                LockdownPolicy.describe(current), now, dryRun);
        return apply("lockdown", List.of(save, putLockdown), current != null, dryRun, "bucket " + bucket + " locked down: every S3"
                + " action is denied but to the break-glass role; the policy it replaced (" + LockdownPolicy.describe(current)
                + ") is saved in secret " + secret, () -> {
                    context.ports().secrets().writeDocument(secret, copy.document(), "tdev-ops: the policy of bucket "
                            + bucket + " before an emergency lockdown; lockdown-bucket --restore puts it back");
                    context.progress().report("saved the policy of " + bucket + " in " + secret);
                }, () -> context.ports().storage().putBucketPolicy(bucket, lockdown));
    }

    // ---- restore ------------------------------------------------------------------------------------------

    private LockdownBucketResult restore(String current, Optional<SavedPolicy> saved, boolean dryRun) {
        Instant now = context.clock().instant();
        if (saved.isEmpty()) {
            throw new PreconditionFailedException("secret " + secret + " does not exist: no lockdown of bucket " + bucket
                    + " saved a policy to restore; nothing was changed");
        }
        SavedPolicy s = saved.get();
        Action mark = new Action("mark saved bucket policy restored", secret, "LOCKED_DOWN", "RESTORED", now, dryRun);
        if (s.state() == SavedPolicy.State.RESTORED) {
            if (LockdownPolicy.same(current, s.policy())) {
                return result("restore", ChangeStatus.UNCHANGED, s.hadPolicy(), "bucket " + bucket + " already has the"
                        + " policy the lockdown of " + s.savedAt() + " replaced", null, List.of());
            }
            throw new PreconditionFailedException("the copy in secret " + secret + " (saved " + s.savedAt() + ") was"
                    + " already restored, and bucket " + bucket + " now has " + LockdownPolicy.describe(current)
                    + "; nothing was changed");
        }
        if (LockdownPolicy.same(current, s.policy())) {
            // the policy is back but the copy was not marked: finish what that run started
            return apply("restore", List.of(mark), s.hadPolicy(), dryRun, "bucket " + bucket + " already had its policy back;"
                    + " marked the copy in " + secret + " restored", () -> markRestored(s), null);
        }
        if (!LockdownPolicy.isLockdown(current)) {
            throw new PreconditionFailedException("bucket " + bucket + " has " + LockdownPolicy.describe(current)
                    + ", not the lockdown policy: someone changed it since the lockdown of " + s.savedAt()
                    + ", and restoring would overwrite that. Nothing was changed; compare it with the copy in secret "
                    + secret + " by hand");
        }
        Action putBack = new Action(s.hadPolicy() ? "restore bucket policy" : "delete bucket policy (there was none"
                + " before the lockdown)", bucket, LockdownPolicy.describe(current), LockdownPolicy.describe(s.policy()),
                now, dryRun);
        return apply("restore", List.of(putBack, mark), s.hadPolicy(), dryRun, "bucket " + bucket + " restored to the policy"
                + " the lockdown of " + s.savedAt() + " replaced (" + LockdownPolicy.describe(s.policy()) + ")", () -> {
                    if (s.hadPolicy()) {
                        context.ports().storage().putBucketPolicy(bucket, s.policy());
                    } else {
                        context.ports().storage().deleteBucketPolicy(bucket);
                    }
                    context.progress().report("put back the policy of " + bucket);
                }, () -> markRestored(s));
    }

    private void markRestored(SavedPolicy s) {
        context.ports().secrets().writeDocument(secret, s.restored().document(), "tdev-ops: the policy of bucket "
                + bucket + " before an emergency lockdown (restored)");
    }

    // ---- applying -----------------------------------------------------------------------------------------

    /** Runs the first step, then the second (if any); a failure says which step stopped and what to run next. */
    private LockdownBucketResult apply(String mode, List<Action> plan, Boolean hadPolicy, boolean dryRun, String done,
                                       Runnable first, Runnable second) {
        if (dryRun) {
            return result(mode, ChangeStatus.PLANNED, hadPolicy, "dry run, nothing changed; would: "
                    + String.join("; then ", plan.stream().map(Action::what).toList()), null, plan);
        }
        String rerun = mode.equals("restore") ? restoreCommand() : "tdev-ops lockdown-bucket";
        try {
            first.run();
        } catch (TdevException e) {
            throw StoppedChange.of(e, plan.get(0).what() + " failed; nothing was changed: run `" + rerun + "` again");
        }
        if (second != null) {
            try {
                second.run();
            } catch (TdevException e) {
                throw StoppedChange.of(e, plan.get(0).what() + " done, but " + plan.get(1).what() + " failed: "
                        + (mode.equals("lockdown") ? "the bucket is NOT locked down yet" : "the copy is not marked")
                        + "; run `" + rerun + "` again (it goes on from there)");
            }
        }
        context.progress().report(done);
        return result(mode, ChangeStatus.COMPLETED, hadPolicy, done, mode.equals("lockdown") ? restoreCommand() : null,
                plan);
    }

    private LockdownBucketResult result(String mode, ChangeStatus status, Boolean hadPolicy, String message,
                                        String next, List<Action> actions) {
        return new LockdownBucketResult(bucket, mode, status, secret, hadPolicy, message, next, actions);
    }

    private String restoreCommand() {
        return "tdev-ops lockdown-bucket --restore --env " + context.config().name() + " --role-arn <break-glass role ARN>";
    }
}
