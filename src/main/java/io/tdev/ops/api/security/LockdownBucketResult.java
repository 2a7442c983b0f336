package io.tdev.ops.api.security;

import io.tdev.ops.api.Outcome;
import io.tdev.ops.model.Action;
import io.tdev.ops.api.change.ChangeStatus;

import java.util.List;

/**
 * A bucket lockdown or its undoing. JSON keys: {@code bucket}, {@code mode} (lockdown | restore), {@code status}
 * (COMPLETED, UNCHANGED, PLANNED), {@code savedIn} (the secret that keeps the replaced policy), {@code hadPolicy}
 * (whether the bucket had a policy before the lockdown), {@code message}, {@code next}, {@code actions}.
 */
public record LockdownBucketResult(String bucket, String mode, ChangeStatus status, String savedIn,
                                   Boolean hadPolicy, String message, String next, List<Action> actions)
        implements Outcome {
    public LockdownBucketResult {
        actions = List.copyOf(actions);
    }

    @Override
    public boolean ok() {
        return status.ok();
    }

    @Override
    public String markdown() {
        StringBuilder md = new StringBuilder("## Bucket ").append(mode).append(": ").append(status).append("\n\n")
                .append(message).append("\n\n");
        if (next != null) {
            md.append("Next: `").append(next).append("`\n\n");
        }
        md.append(ActionTable.markdown(actions));
        return md.toString();
    }
}
