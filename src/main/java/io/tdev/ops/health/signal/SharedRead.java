package io.tdev.ops.health.signal;

import io.tdev.ops.model.RemoteFailureException;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A read that several signals of one check share: the first caller runs it, the others wait for its answer. The
 * caller that runs it is interrupted when its signal times out; the read then ends as {@link NotReadInTime}, so a
 * signal that waited for it says the same as the one that started it.
 */
final class SharedRead<T> {
    private final FutureTask<T> read;
    private final String action;
    private final String what;

    SharedRead(Supplier<T> reader, Duration timeout, String action, String what) {
        this.action = action;
        this.what = what;
        this.read = new FutureTask<>(() -> {
            try {
                return reader.get();
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new NotReadInTime(timeout);
                }
                throw e;
            }
        });
    }

    /** Runs the read if nobody has, then its answer (or its failure, rethrown); interruptible while waiting. */
    T get() {
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
