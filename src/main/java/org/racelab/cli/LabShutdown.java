package org.racelab.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.racelab.lab.CounterRun;

/**
 * Makes {@code lab} answer SIGINT and SIGTERM with its results: a JVM shutdown hook stops the run in progress and
 * waits (bounded) until the command has printed the finished runs and the stopped one; the JVM then exits with
 * 130 or 143 as usual for the signal.
 *
 * <p>Thread safety: the command's thread and the hook share only volatile fields and a latch. The command sets
 * {@code current} and then reads {@code requested}; the hook sets {@code requested} and then reads
 * {@code current}; so either the hook stops the new run or the command sees the request and does not start it.
 */
final class LabShutdown implements AutoCloseable {

    /** How long the hook waits for the results to be printed: a stop takes 200 ms, printing a few more. */
    static final long PRINT_WAIT_MILLIS = 5_000;

    private final CountDownLatch printed = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onShutdown, "racelab-lab-shutdown");
    private volatile CounterRun current;
    private volatile boolean requested;

    private LabShutdown() {
    }

    static LabShutdown install() {
        LabShutdown s = new LabShutdown();
        try {
            Runtime.getRuntime().addShutdownHook(s.hook);
        } catch (IllegalStateException e) {
            // Already shutting down: nothing should start.
            s.requested = true;
        }
        return s;
    }

    /** Makes this the run a signal stops; false if a signal came first and it must not start. */
    boolean track(CounterRun run) {
        current = run;
        return !requested;
    }

    boolean requested() {
        return requested;
    }

    private void onShutdown() {
        requested = true;
        CounterRun run = current;
        if (run != null) {
            run.requestStop();
        }
        try {
            printed.await(PRINT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The results are out (or the command failed): let a waiting hook finish and remove it otherwise. */
    @Override
    public void close() {
        printed.countDown();
        if (!requested) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM began shutting down meanwhile; the hook runs and returns at once.
            }
        }
    }
}
