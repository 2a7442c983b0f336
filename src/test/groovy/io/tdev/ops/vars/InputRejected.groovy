package io.tdev.ops.vars

/** What Jenkins throws when someone clicks Abort at an {@code input} (FlowInterruptedException): the build is ABORTED. */
class InputRejected extends RuntimeException {
    final String by

    InputRejected(String by) {
        super("Rejected by ${by}")
        this.by = by
    }
}
