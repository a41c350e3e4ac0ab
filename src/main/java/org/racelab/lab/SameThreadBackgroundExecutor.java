package org.racelab.lab;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** A {@link BackgroundExecutor} that runs work and callbacks at once on the calling thread, for deterministic tests. */
public final class SameThreadBackgroundExecutor implements BackgroundExecutor {

    @Override
    public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        try {
            onSuccess.accept(work.call());
        } catch (Exception e) {
            onFailure.accept(e);
        }
        return new Cancellable() {
            @Override
            public void cancel() {
                // Already finished: there is nothing left to stop.
            }

            @Override
            public boolean isDone() {
                return true;
            }
        };
    }

    @Override
    public Executor handoff() {
        return Runnable::run;
    }

    @Override
    public void close() {
        // Nothing runs in the background.
    }
}
