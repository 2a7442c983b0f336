package io.tdev.ops.cli;

import io.tdev.ops.api.TdevOps;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** A facade that records the call and the arguments, and answers what the test scripted. */
final class RecordingOps implements TdevOps {
    String called;
    Map<String, Object> arguments;
    private final Function<String, Map<String, Object>> answers;

    RecordingOps(Function<String, Map<String, Object>> answers) {
        this.answers = answers;
    }

    private Map<String, Object> record(String use, Map<String, ?> args) {
        called = use;
        arguments = new LinkedHashMap<>(args);
        return answers.apply(use);
    }

    @Override
    public Map<String, Object> healthCheck(Map<String, ?> args) {
        return record("healthCheck", args);
    }

    @Override
    public Map<String, Object> ecsDeploy(Map<String, ?> args) {
        return record("ecsDeploy", args);
    }

    @Override
    public Map<String, Object> markKnownGood(Map<String, ?> args) {
        return record("markKnownGood", args);
    }

    @Override
    public Map<String, Object> rollback(Map<String, ?> args) {
        return record("rollback", args);
    }

    @Override
    public Map<String, Object> scale(Map<String, ?> args) {
        return record("scale", args);
    }

    @Override
    public Map<String, Object> preDeployChecklist(Map<String, ?> args) {
        return record("preDeployChecklist", args);
    }

    @Override
    public Map<String, Object> stability(Map<String, ?> args) {
        return record("stability", args);
    }

    @Override
    public Map<String, Object> finishRollout(Map<String, ?> args) {
        return record("finishRollout", args);
    }
}
