package io.tdev.ops.change;

import io.tdev.ops.model.Action;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What a change will do (what, on which target, from what to what), computed once from what was read and before
 * anything is touched: a dry run returns its steps as PLANNED actions, the real run applies exactly these steps in
 * order and records each as done. There is one list, so the dry run and the real run cannot drift apart. A step may
 * learn when applied what only the change itself can know (the revision number ECS gives a new registration).
 */
final class ChangePlan {
    /**
     * Applies a step and returns it as done (the planned step, or one with the value learned), or null when the
     * world already is as the step would make it; throws when it fails.
     */
    @FunctionalInterface
    interface Apply {
        Step apply(Step planned);
    }

    record Step(String what, String target, String before, String after, Apply apply) {
        Step withBefore(String done) {
            return new Step(what, target, done, after, apply);
        }

        Step withAfter(String done) {
            return new Step(what, target, before, done, apply);
        }

        Action action(Clock clock, boolean dryRun) {
            return new Action(what, target, before, after, clock.instant(), dryRun);
        }
    }

    private final Clock clock;
    private final List<Step> steps = new ArrayList<>();

    ChangePlan(Clock clock) {
        this.clock = clock;
    }

    ChangePlan add(String what, String target, String before, String after, Apply apply) {
        steps.add(new Step(what, target, before, after, apply));
        return this;
    }

    /**
     * A step the change takes itself when it ends (the notification, which carries the outcome): part of the plan a
     * dry run shows, not applied by {@link #apply()}.
     */
    ChangePlan addAtEnd(String what, String target, String before, String after) {
        steps.add(new Step(what, target, before, after, null));
        return this;
    }

    boolean has(String what) {
        return steps.stream().anyMatch(s -> s.what().equals(what));
    }

    /** The dry run's answer: every step, PLANNED. */
    List<Action> planned() {
        return steps.stream().map(s -> s.action(clock, true)).toList();
    }

    /** Applies the steps in order (not those taken at the end); the actions done, in a list the change may add to. */
    List<Action> apply() {
        List<Action> done = new ArrayList<>();
        for (Step s : steps) {
            Step applied = s.apply() == null ? null : s.apply().apply(s);
            if (applied != null) {
                done.add(applied.action(clock, false));
            }
        }
        return done;
    }
}
