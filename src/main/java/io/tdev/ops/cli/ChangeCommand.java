package io.tdev.ops.cli;

import io.tdev.ops.api.Outcome;
import io.tdev.ops.api.change.ChangeResult;
import io.tdev.ops.api.change.MarkKnownGoodResult;

/**
 * A command that changes the service: it exits 1 when the change did not finish as asked (FAILED, TIMED_OUT,
 * ABANDONED: the result's {@code ok}), 0 otherwise, and then says on stderr where it stopped and what to run next.
 */
public abstract class ChangeCommand<R extends Outcome> extends OutcomeCommand<R> {
    @Override
    protected final String failure(R result) {
        if (result.ok()) {
            return null;
        }
        if (result instanceof ChangeResult c) {
            return Outcomes.failure(spec.name(), c.status(), c.message(), c.next());
        }
        if (result instanceof MarkKnownGoodResult m) {
            return Outcomes.failure(spec.name(), m.status(), m.message(), null);
        }
        return spec.name() + " did not finish as asked";
    }
}
