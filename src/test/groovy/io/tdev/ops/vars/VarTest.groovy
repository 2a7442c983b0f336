package io.tdev.ops.vars

import org.junit.jupiter.api.io.TempDir

/** What every test of a var needs: a workspace, a job calling the var, a person answering an input step. */
abstract class VarTest {
    @TempDir
    File workspace

    /** A Jenkinsfile that loads the library and calls {@code var} with {@code args}. */
    static String libraryCall(String var, String args) {
        "@Library('tdev-ops') _\n${var}(${args})\n"
    }

    /** An input step's answer: {@code approver} confirms, giving {@code reason}. */
    static Closure confirmedBy(String approver, String reason) {
        return { Map args -> [approver: approver, reason: reason] }
    }
}
