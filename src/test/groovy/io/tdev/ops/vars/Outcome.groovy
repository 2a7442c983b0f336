package io.tdev.ops.vars

/** How a pipeline run ended: the build result Jenkins would show, and the message that ended it, if any. */
class Outcome {
    final String result
    final String message
    final Throwable error

    Outcome(String result, String message, Throwable error) {
        this.result = result
        this.message = message
        this.error = error
    }

    @Override
    String toString() {
        "${result}${message ? ': ' + message : ''}"
    }
}
