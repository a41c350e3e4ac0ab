package org.racelab.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.racelab.lab.BackgroundExecutor;

/** Test executor that holds submitted work until the test runs it, in any order, to provoke late results. */
final class ManualBackgroundExecutor implements BackgroundExecutor {

    /** One held job. */
    final class Job<T> implements Cancellable {
        final Callable<T> work;
        final Consumer<? super T> onSuccess;
        final Consumer<? super Throwable> onFailure;
        boolean cancelled;
        boolean done;

        Job(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            this.work = work;
            this.onSuccess = onSuccess;
            this.onFailure = onFailure;
        }

        /** Runs the work and delivers its result even if it was cancelled, as a late thread would. */
        void runIgnoringCancel() {
            done = true;
            try {
                onSuccess.accept(work.call());
            } catch (Exception e) {
                onFailure.accept(e);
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }
    }

    final List<Job<?>> jobs = new ArrayList<>();

    @Override
    public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        Job<T> job = new Job<>(work, onSuccess, onFailure);
        jobs.add(job);
        return job;
    }

    /** Runs every held job that was not cancelled, oldest first, including jobs they submit. */
    void runPending() {
        for (int i = 0; i < jobs.size(); i++) {
            Job<?> j = jobs.get(i);
            if (!j.cancelled && !j.done) {
                j.runIgnoringCancel();
            }
        }
    }

    @Override
    public Executor handoff() {
        return Runnable::run;
    }

    @Override
    public void close() {
        jobs.forEach(Job::cancel);
    }
}
