package io.tdev.ops.vars

/** How the pipeline code is executed: as plain Groovy, or CPS-transformed the way Jenkins runs it. */
enum PipelineMode {
    PLAIN, CPS
}
