package org.racelab.lab;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The lab's runs, free of JavaFX: one press of Start or Compare all runs counter kinds in turn on a
 * {@link BackgroundExecutor}, and the newest live reading waits in one slot for whoever shows it to read.
 *
 * <p>Thread safety: the sampler thread of the current run writes each reading into an {@link AtomicReference}
 * (one slot, overwritten: a reader that is slow simply skips readings, nothing queues up) and any thread reads it
 * with {@link #latest()}. Stop and lock requests are volatile fields the coordinating thread reads before each run;
 * the run in progress is a volatile field so requests reach it at once. Run starts and ends reach the
 * {@link Listener} through the executor's hand-off, in order. {@link #start} and {@link #close} are called by one
 * owning thread (the JavaFX thread in the app).
 */
public final class LabSession {

    /** A live reading tagged with the number of the run it came from, so a reader never mixes up two runs. */
    public record Reading(int run, LabSample sample) {
    }

    /** Hears about runs starting and ending; called on the executor's hand-off (the JavaFX thread in the app). */
    public interface Listener {
        void runStarted(int run, CounterKind kind, boolean comparing);

        void runFinished(int run, CounterRunResult result);

        /** The whole sequence ended: normally ({@code failure} null) or because the coordinator failed. */
        void ended(Throwable failure);
    }

    private final BackgroundExecutor background;
    private final Function<CounterKind, Counter> counters;
    private final AtomicReference<Reading> latest = new AtomicReference<>();
    private final AtomicInteger runNumbers = new AtomicInteger();
    private volatile boolean locked;
    private volatile boolean stopRequested;
    private volatile CounterRun current;
    private BackgroundExecutor.Cancellable job;

    public LabSession(BackgroundExecutor background, Function<CounterKind, Counter> counters) {
        this.background = Objects.requireNonNull(background);
        this.counters = Objects.requireNonNull(counters);
    }

    /** Runs {@code kinds} in turn with {@code settings}; returns at once (the work runs on the executor). */
    public void start(List<CounterKind> kinds, LabSettings settings, Listener listener) {
        stopRequested = false;
        boolean comparing = kinds.size() > 1;
        job = background.submit(() -> {
            for (CounterKind kind : kinds) {
                if (stopRequested || Thread.currentThread().isInterrupted()) {
                    break;
                }
                int run = runNumbers.incrementAndGet();
                CounterRun counterRun = new CounterRun(settings, counters.apply(kind));
                counterRun.setLocked(locked);
                background.handoff().execute(() -> listener.runStarted(run, kind, comparing));
                current = counterRun;
                if (stopRequested) {
                    counterRun.requestStop();
                }
                CounterRunResult result = counterRun.run(sample -> latest.set(new Reading(run, sample)));
                current = null;
                background.handoff().execute(() -> listener.runFinished(run, result));
            }
            return kinds.size();
        }, done -> listener.ended(null), listener::ended);
    }

    /** The newest live reading of any run of this session, or null before the first one. */
    public Reading latest() {
        return latest.get();
    }

    /**
     * Sets the live lock switch: a switchable run takes the locked path from its workers' next increment, and
     * later runs start with it. Returns the kind of the run going now, if any.
     */
    public Optional<CounterKind> setLocked(boolean on) {
        locked = on;
        CounterRun run = current;
        if (run == null) {
            return Optional.empty();
        }
        run.setLocked(on);
        return Optional.of(run.kind());
    }

    /** Asks the running workers to stop and no further run to start; never blocks. */
    public void stop() {
        stopRequested = true;
        CounterRun run = current;
        if (run != null) {
            run.requestStop();
        }
    }

    /** Stops everything and closes the executor, interrupting the coordinating thread; its callbacks do not run. */
    public void close() {
        stop();
        if (job != null) {
            job.cancel();
        }
        background.close();
    }
}
