package io.tdev.ops.vars

/** What Jenkins throws for {@code error(...)} and for a step's failure (hudson.AbortException): fails the build. */
class AbortException extends RuntimeException {
    AbortException(String message) {
        super(message)
    }
}
