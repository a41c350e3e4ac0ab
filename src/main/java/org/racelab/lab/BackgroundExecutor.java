package org.racelab.lab;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs slow work away from the caller's thread and hands the outcome back through a chosen executor.
 *
 * <p>The UI hands results to the JavaFX thread; tests use {@link SameThreadBackgroundExecutor} so that every
 * step is deterministic. Work that runs long must stop promptly when its thread is interrupted: cancel and
 * {@link #close()} interrupt it.
 */
public interface BackgroundExecutor extends AutoCloseable {

    /**
     * Starts {@code work}; exactly one of {@code onSuccess} and {@code onFailure} later runs on the hand-off
     * executor, unless the work was cancelled first.
     */
    <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Where results are delivered; also the place to publish progress from inside the work. */
    Executor handoff();

    /** Cancels everything still running and waits briefly (at most 200 ms) for the threads to end. */
    @Override
    void close();

    /** A handle on submitted work. */
    interface Cancellable {

        /** Interrupts the work; its callbacks will not run. */
        void cancel();

        /** True once the work finished, failed or was cancelled. */
        boolean isDone();
    }
}
