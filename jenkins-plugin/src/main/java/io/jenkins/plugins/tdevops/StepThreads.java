package io.jenkins.plugins.tdevops;

import jenkins.util.Timer;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the waiting steps' AWS calls run: the plugin's own bounded pool, never {@link Timer}. Timer is Jenkins' shared
 * pool of 10 threads for all background work; a mutation, a poll, the final word or an SDK retry back-off can
 * each take seconds to minutes, and would starve it. As workflow-basic-steps' SleepStep does, Timer only schedules
 * (the next poll); the task it fires hands the work to this pool at once. A step that adds a waiting execution uses
 * {@link #now} and {@link #later} the same way.
 */
final class StepThreads {
    /** At most this many AWS calls of waiting steps at once on the controller; more queue. */
    static final int THREADS = 4;

    private static final AtomicInteger NUMBER = new AtomicInteger();
    private static final ThreadFactory FACTORY = task -> {
        Thread thread = new Thread(task, "tdev-ops step " + NUMBER.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    };
    private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), FACTORY);

    static {
        POOL.allowCoreThreadTimeOut(true);
    }

    private StepThreads() {
    }

    /** Runs {@code work} on the plugin's pool. */
    static ScheduledFuture<?> now(Runnable work) {
        return later(work, 0);
    }

    /** Has Timer wait {@code delayMillis}, then runs {@code work} on the plugin's pool (not on Timer's thread). */
    static ScheduledFuture<?> later(Runnable work, long delayMillis) {
        return Timer.get().schedule(() -> {
            POOL.execute(work);
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** For tests: the pool itself. */
    static ExecutorService pool() {
        return POOL;
    }
}
