package io.tdev.ops.health;

import io.tdev.ops.model.RemoteFailureException;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** A read that several signals of one check share: the first caller runs it, the others wait for its answer. */
final class SharedRead {
    private SharedRead() {
    }

    /** Runs {@code read} if nobody has, then its answer (or its failure, rethrown); interruptible while waiting. */
    static <T> T get(FutureTask<T> read, String action, String what) {
        read.run();
        try {
            return read.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteFailureException(action, "interrupted while waiting for " + what, true);
        }
    }
}
