package io.tdev.ops.api.security;

import io.tdev.ops.api.Outcome;
import io.tdev.ops.model.Action;
import io.tdev.ops.api.change.ChangeStatus;

import java.util.List;

/**
 * A rotation of the API-key secret. Never holds the value. JSON keys: {@code secret}, {@code method} ({@code rotation}:
 * Secrets Manager's rotation function; {@code new-version}: a random value put as a new version), {@code status}
 * (COMPLETED, PLANNED, TIMED_OUT, ABANDONED), {@code previousVersionId} (AWSPREVIOUS afterwards), {@code newVersionId}
 * (AWSCURRENT afterwards), {@code message}, {@code next}, {@code actions}.
 */
public record RotateSecretResult(String secret, String method, ChangeStatus status, String previousVersionId,
                                 String newVersionId, String message, String next, List<Action> actions)
        implements Outcome {
    public static final String ROTATION = "rotation";
    public static final String NEW_VERSION = "new-version";

    public RotateSecretResult {
        actions = List.copyOf(actions);
    }

    @Override
    public boolean ok() {
        return status.ok();
    }

    @Override
    public String markdown() {
        return "## Secret rotation: " + status + "\n\n" + message + "\n\n"
                + (next != null ? "Next: `" + next + "`\n\n" : "") + ActionTable.markdown(actions);
    }
}
