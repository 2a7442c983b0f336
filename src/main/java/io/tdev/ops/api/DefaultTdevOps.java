package io.tdev.ops.api;

import java.util.Map;

/** {@link TdevOps} over the runbook use cases. */
public final class DefaultTdevOps implements TdevOps {
    private final OpsContext context;

    public DefaultTdevOps(OpsContext context) {
        this.context = context;
    }

    @Override
    public Map<String, Object> healthCheck(Map<String, ?> args) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public Map<String, Object> ecsDeploy(Map<String, ?> args) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public Map<String, Object> markKnownGood(Map<String, ?> args) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public Map<String, Object> rollback(Map<String, ?> args) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public Map<String, Object> scale(Map<String, ?> args) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public Map<String, Object> preDeployChecklist(Map<String, ?> args) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public Map<String, Object> stability(Map<String, ?> args) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
