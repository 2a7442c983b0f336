package io.jenkins.plugins.tdevops;

/**
 * The changes a step waits for, each with its step's name and what the person on call can run next when the rollout
 * fails or times out, worded with the revisions or counts it went from and to. An enum, so a waiting execution keeps
 * it in program.dat by name; what the change is and how to watch it is the engine's {@code PendingChange}.
 */
enum Mutation {
    ROLLBACK("tdevRollback") {
        @Override
        String nextSteps(String from, String to) {
            return "Next: check it with tdevHealthCheck; run tdevRollback again with the same target to keep waiting "
                    + "(it is idempotent), or tdevRollback(target: '" + from + "') to return to the revision it left.";
        }
    },
    SCALE("tdevScale") {
        @Override
        String nextSteps(String from, String to) {
            return "Next: check it with tdevHealthCheck; run tdevScale(count: '" + to + "') again to keep waiting, "
                    + "or tdevScale(count: '" + from + "') to go back to the previous count.";
        }
    },
    ECS_DEPLOY("tdevEcsDeploy") {
        @Override
        String nextSteps(String from, String to) {
            return "Next: check it with tdevHealthCheck; roll back with tdevRollback() (last known good) or "
                    + "tdevRollback(target: '" + from + "') (the revision it replaced).";
        }
    };

    private final String stepName;

    Mutation(String stepName) {
        this.stepName = stepName;
    }

    String stepName() {
        return stepName;
    }

    /** What the person on call can run next, for a change {@code from} -> {@code to} (revisions or task counts). */
    abstract String nextSteps(String from, String to);
}
