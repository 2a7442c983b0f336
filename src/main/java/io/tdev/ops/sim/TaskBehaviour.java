package io.tdev.ops.sim;

/** How the tasks of an image behave once running. */
enum TaskBehaviour {
    /** Passes health checks, serves traffic, logs a little. */
    GOOD,
    /** Never passes the ALB health check, logs errors, and exits after about 45 s (a "bad" image). */
    CRASHING,
    /** Passes health checks but fails a large share of generations with ERROR logs and 5xx (a "faulty" image). */
    ERRORING
}
