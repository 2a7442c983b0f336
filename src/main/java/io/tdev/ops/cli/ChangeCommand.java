package io.tdev.ops.cli;

import java.util.Map;

/** A command that changes the service: it exits 1 when the change FAILED, TIMED_OUT or was ABANDONED, 0 otherwise. */
public abstract class ChangeCommand extends OpsCommand {
    @Override
    protected final int exitCode(Map<String, Object> result) {
        return Outcomes.failed(result) ? 1 : 0;
    }
}
