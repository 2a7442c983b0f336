package io.tdev.ops.health.signal;

/** What every signal of a check has: its name, whether it is informational, and the check's scope to read through. */
abstract class ScopedSignal implements Signal {
    protected final CheckScope scope;
    private final String name;
    private final boolean informational;

    ScopedSignal(String name, CheckScope scope, boolean informational) {
        this.name = name;
        this.scope = scope;
        this.informational = informational;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean informational() {
        return informational;
    }
}
