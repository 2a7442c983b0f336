package io.tdev.ops.vars

/**
 * What Jenkins throws when someone clicks Abort at an {@code input}, or a {@code timeout} expires around it
 * (FlowInterruptedException, an InterruptedException): the build is ABORTED.
 */
class InputRejected extends BuildAborted {
    final String by

    InputRejected(String by) {
        super("Rejected by ${by}")
        this.by = by
    }
}
