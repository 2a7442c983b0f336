package io.jenkins.plugins.tdevops;

import io.tdev.ops.api.TdevOps;

import java.util.Map;

/**
 * The facade mutations a step waits for, each with what the step's resumable wait needs to know: the facade call
 * (also the {@code operation} of {@code finishRollout}), the {@code stability} arguments of the state it heads to,
 * and what the person on call can run next when it fails or times out. An enum, so a waiting execution keeps it in
 * program.dat by name.
 */
enum Mutation {
    ROLLBACK("tdevRollback", "rollback") {
        @Override
        Map<String, Object> call(TdevOps ops, Map<String, Object> args) {
            return ops.rollback(args);
        }

        @Override
        String nextSteps(Map<String, Object> started) {
            return "Next: check it with tdevHealthCheck; run tdevRollback again with the same target to keep waiting "
                    + "(it is idempotent), or tdevRollback(target: '" + started.get("from")
                    + "') to return to the revision it left.";
        }
    },
    SCALE("tdevScale", "scale") {
        @Override
        Map<String, Object> call(TdevOps ops, Map<String, Object> args) {
            return ops.scale(args);
        }

        @Override
        Map<String, Object> expectation(Map<String, Object> started) {
            return StepArgs.create().put("desiredCount", started.get("to")).toMap();
        }

        @Override
        String nextSteps(Map<String, Object> started) {
            return "Next: check it with tdevHealthCheck; run tdevScale(count: '" + started.get("to")
                    + "') again to keep waiting, or tdevScale(count: '" + started.get("from")
                    + "') to go back to the previous count.";
        }
    },
    ECS_DEPLOY("tdevEcsDeploy", "ecsDeploy") {
        @Override
        Map<String, Object> call(TdevOps ops, Map<String, Object> args) {
            return ops.ecsDeploy(args);
        }

        @Override
        String nextSteps(Map<String, Object> started) {
            return "Next: check it with tdevHealthCheck; roll back with tdevRollback() (last known good) or "
                    + "tdevRollback(target: '" + started.get("from") + "') (the revision it replaced).";
        }
    };

    private final String stepName;
    private final String operation;

    Mutation(String stepName, String operation) {
        this.stepName = stepName;
        this.operation = operation;
    }

    String stepName() {
        return stepName;
    }

    /** The facade call's name: the {@code operation} argument of {@code finishRollout}. */
    String operation() {
        return operation;
    }

    /** The facade mutation, called with {@code wait: false}. */
    abstract Map<String, Object> call(TdevOps ops, Map<String, Object> args);

    /** The {@code stability} arguments of the state the change heads to: by default the revision it went to. */
    Map<String, Object> expectation(Map<String, Object> started) {
        return StepArgs.create().put("revision", started.get("to")).toMap();
    }

    /** What the person on call can run next when the rollout fails or times out. */
    abstract String nextSteps(Map<String, Object> started);
}
