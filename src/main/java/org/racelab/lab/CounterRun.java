package org.racelab.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One real race: T tasks of I increments on a {@link ThreadPoolExecutor} of W daemon workers, all hammering
 * one shared {@link Counter}, with a sampler thread reporting progress while it runs.
 *
 * <p>Thread safety: {@link #run} is called once, on a coordinating thread, and blocks until the run ends.
 * {@link #requestStop}, {@link #stopAndWait}, {@link #setLocked} and {@link #isRunning} may be called from any
 * thread. Workers share only the counter under test, a volatile stop flag and an {@link AtomicLongArray} slot per
 * task into which they publish their private attempt count every {@value #PUBLISH_EVERY} increments
 * ({@code lazySet}: cheap, and the sampler may read a slightly old value, which is why live losses are
 * approximate). Each task's exact count comes back through its {@link Future}.
 */
public final class CounterRun {

    /** How often a worker publishes progress and checks for a stop request, in increments. */
    public static final int PUBLISH_EVERY = 4096;
    /** Sampler period: 25 samples a second. */
    public static final long SAMPLE_PERIOD_MILLIS = 40;
    /** Stop contract: every worker and the sampler end within this time of a stop request. */
    public static final long STOP_MILLIS = 200;
    /** Prefix of the pool's thread names, so leaks are easy to spot. */
    public static final String WORKER_THREAD_PREFIX = "racelab-lab-worker";
    public static final String SAMPLER_THREAD_PREFIX = "racelab-lab-sampler";

    /** Workers yield between chunks unless {@code -Dracelab.lab.yield=false}; see docs/benchmarks.md. */
    static final boolean YIELD_BETWEEN_CHUNKS =
            Boolean.parseBoolean(System.getProperty("racelab.lab.yield", "true"));

    /** Yield every this-many chunks (a power of two); {@code -Dracelab.lab.yieldChunks=N} for experiments. */
    private static final long YIELD_MASK =
            Long.highestOneBit(Math.max(1, Long.getLong("racelab.lab.yieldChunks", 16))) * PUBLISH_EVERY - 1;

    private static final AtomicInteger WORKER_NUMBERS = new AtomicInteger();
    private static final AtomicInteger SAMPLER_NUMBERS = new AtomicInteger();

    /** Receives live samples and task completions on the sampler or coordinating thread; must not block. */
    public interface Listener {
        void onSample(LabSample sample);

        default void onTaskDone(int task, int completedSoFar) {
        }

        /** A listener that ignores everything. */
        static Listener none() {
            return sample -> {
            };
        }
    }

    private final LabSettings settings;
    private final Counter counter;
    private final AtomicLongArray published;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private volatile boolean stopRequested;
    private volatile boolean started;
    private volatile ThreadPoolExecutor pool;
    private volatile ScheduledThreadPoolExecutor sampler;
    private final java.util.Queue<String> workerThreadIds = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final CountDownLatch workersReady;
    private final CountDownLatch workersLowered = new CountDownLatch(1);

    public CounterRun(LabSettings settings, Counter counter) {
        this.settings = Objects.requireNonNull(settings);
        this.counter = Objects.requireNonNull(counter);
        this.published = new AtomicLongArray(settings.tasks());
        this.workersReady = new CountDownLatch(settings.workers());
    }

    /** A run on a fresh counter of the given kind. */
    public static CounterRun of(CounterKind kind, LabSettings settings) {
        return new CounterRun(settings, kind.create());
    }

    public LabSettings settings() {
        return settings;
    }

    public CounterKind kind() {
        return counter.kind();
    }

    /** Switches a {@link SwitchableCounter} run between the locked and unlocked path; ignored for other kinds. */
    public void setLocked(boolean locked) {
        if (counter instanceof SwitchableCounter s) {
            s.setLocked(locked);
        }
    }

    /** True for a {@link CounterKind#SWITCHABLE} run whose workers currently take the locked path. */
    public boolean isLocked() {
        return counter instanceof SwitchableCounter s ? s.isLocked() : counter.kind().exact();
    }

    public boolean isRunning() {
        return started && finished.getCount() > 0;
    }

    /**
     * Runs all tasks and blocks until they end, then returns the exact result. Never throws for a task's failure:
     * that is reported in the result. Interrupting the calling thread stops the run.
     */
    public CounterRunResult run(Listener listener) {
        if (started) {
            throw new IllegalStateException("a CounterRun runs once");
        }
        started = true;
        int tasks = settings.tasks();
        long increments = settings.increments();
        List<Integer> completionOrder = new ArrayList<>(tasks);
        long attempts = 0;
        long startNanos = System.nanoTime();
        long endNanos = startNanos;
        try {
            pool = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS,
                    new LinkedBlockingQueue<>(), tracked(WORKER_THREAD_PREFIX, WORKER_NUMBERS, true));
            pool.prestartAllCoreThreads();
            lowerWorkersBeforeTheyCount();
            sampler = new ScheduledThreadPoolExecutor(1, tracked(SAMPLER_THREAD_PREFIX, SAMPLER_NUMBERS, false));
            ExecutorCompletionService<TaskOutcome> completion = new ExecutorCompletionService<>(pool);
            startNanos = System.nanoTime();
            final long t0 = startNanos;
            RateWindow window = new RateWindow(t0);
            sampler.scheduleAtFixedRate(() -> listener.onSample(sample(t0, window)),
                    SAMPLE_PERIOD_MILLIS, SAMPLE_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
            int submitted = 0;
            try {
                for (; submitted < tasks && !stopRequested; submitted++) {
                    completion.submit(task(submitted, increments));
                }
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // Stop was pressed while the pool was still being set up.
            }
            int done = 0;
            while (done < submitted) {
                Future<TaskOutcome> f = completion.poll(SAMPLE_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
                if (f == null) {
                    if (stopRequested) {
                        break;
                    }
                    continue;
                }
                TaskOutcome outcome = outcomeOf(f);
                done++;
                attempts += outcome.attempts();
                completionOrder.add(outcome.task());
                outcome.failure().ifPresent(this::recordFailure);
                listener.onTaskDone(outcome.task(), done);
            }
            endNanos = System.nanoTime();
        } catch (InterruptedException e) {
            stopRequested = true;
            endNanos = System.nanoTime();
            Thread.currentThread().interrupt();
        } finally {
            shutdownAndJoin();
        }
        // Tasks cut short by a stop still counted their attempts; collect the ones we did not take yet.
        if (completionOrder.size() < tasks) {
            attempts = 0;
            for (int t = 0; t < tasks; t++) {
                attempts += published.get(t);
            }
        }
        long finalValue = counter.get();
        RunStatus status = firstFailure.get() != null ? RunStatus.FAILED
                : completionOrder.size() < tasks || attempts < settings.expected() ? RunStatus.STOPPED
                : RunStatus.COMPLETED;
        Optional<String> failure = Optional.ofNullable(firstFailure.get())
                .or(() -> status == RunStatus.STOPPED ? Optional.of("stopped before all tasks finished")
                        : Optional.empty());
        double seconds = (endNanos - startNanos) / 1e9;
        CounterRunResult result = new CounterRunResult(counter.kind(), settings.workers(), tasks, increments,
                settings.expected(), attempts, finalValue, attempts - finalValue, seconds, status, failure,
                completionOrder);
        listener.onSample(new LabSample(counter.kind(), seconds, attempts, finalValue, attempts - finalValue,
                result.incrementsPerSecond(), isLocked(), settings.expected()));
        finished.countDown();
        return result;
    }

    /** Asks every worker to stop at its next check; returns at once (safe on the JavaFX thread). */
    public void requestStop() {
        stopRequested = true;
        ThreadPoolExecutor p = pool;
        if (p != null) {
            p.shutdownNow();
        }
    }

    /**
     * Requests a stop and waits until the run has ended and all its threads are gone, at most {@code millis}.
     *
     * @return true if everything ended in time
     */
    public boolean stopAndWait(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        requestStop();
        if (started && !finished.await(millis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        for (Thread t : threads) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0 && t.isAlive()) {
                return false;
            }
            t.join(Math.max(1, left));
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }

    private void recordFailure(String message) {
        if (firstFailure.compareAndSet(null, message)) {
            // One failing task fails the run: stop the others instead of reporting a silently short count.
            stopRequested = true;
        }
    }

    private Callable<TaskOutcome> task(int index, long increments) {
        return () -> {
            long attempts = 0;
            try {
                while (attempts < increments && !stopRequested) {
                    long chunkEnd = Math.min(increments, attempts + PUBLISH_EVERY);
                    while (attempts < chunkEnd) {
                        counter.increment();
                        attempts++;
                    }
                    published.lazySet(index, attempts);
                    if (stopRequested || Thread.currentThread().isInterrupted()) {
                        break;
                    }
                    if (YIELD_BETWEEN_CHUNKS && (attempts & YIELD_MASK) == 0) {
                        // A hint to the OS scheduler about every 64 K increments (well under a millisecond of
                        // work): lets the window's threads in promptly when there are more workers than cores.
                        Thread.yield();
                    }
                }
                return new TaskOutcome(index, attempts, Optional.empty());
            } catch (RuntimeException | Error e) {
                // The increment that threw was attempted; counting it keeps lost = attempts - final honest.
                attempts++;
                published.set(index, attempts);
                return new TaskOutcome(index, attempts, Optional.of(
                        "task " + index + " threw " + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : ": " + e.getMessage())
                                + " after " + (attempts - 1) + " increments"));
            }
        };
    }

    private TaskOutcome outcomeOf(Future<TaskOutcome> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            // Tasks catch their own exceptions; this is only reached for something exotic like a cancelled task.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new TaskOutcome(-1, 0, Optional.of("a task threw " + cause));
        } catch (java.util.concurrent.CancellationException e) {
            return new TaskOutcome(-1, 0, Optional.empty());
        }
    }

    private LabSample sample(long t0, RateWindow window) {
        long now = System.nanoTime();
        long attempts = 0;
        for (int t = 0; t < published.length(); t++) {
            attempts += published.get(t);
        }
        long value = counter.get();
        double rate = window.add(now, attempts);
        return new LabSample(counter.kind(), (now - t0) / 1e9, attempts, value, Math.max(0, attempts - value),
                rate, isLocked(), settings.expected());
    }

    private void shutdownAndJoin() {
        stopRequested = true;
        ScheduledThreadPoolExecutor s = sampler;
        if (s != null) {
            s.shutdownNow();
        }
        ThreadPoolExecutor p = pool;
        if (p != null) {
            p.shutdownNow();
        }
        boolean interrupted = Thread.interrupted();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_MILLIS);
            for (Thread t : threads) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Holds the freshly started workers until all of them are at background priority, lowered with one
     * {@code renice}: a worker that spun at normal priority for the few milliseconds a renice takes would, six at
     * a time, hold the window's thread off both cores at the start of every run.
     */
    private void lowerWorkersBeforeTheyCount() throws InterruptedException {
        try {
            if (BackgroundPriority.enabled()) {
                workersReady.await(1, TimeUnit.SECONDS);
                BackgroundPriority.lowerWorkers(List.copyOf(workerThreadIds));
                BackgroundPriority.lowerCompilerThreads();
            }
        } finally {
            workersLowered.countDown();
        }
    }

    /** A worker's first act: report its thread id and wait (bounded) until the run has lowered it. */
    private void awaitLowering() {
        if (workersLowered.getCount() == 0) {
            // A worker that joins later (none does today): lower itself.
            BackgroundPriority.lowerCurrentThread();
            return;
        }
        BackgroundPriority.currentThreadId().ifPresent(workerThreadIds::add);
        workersReady.countDown();
        try {
            workersLowered.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            // A stop while waiting: the pool's own loop sees the interrupt and ends this worker.
            Thread.currentThread().interrupt();
        }
    }

    private ThreadFactory tracked(String prefix, AtomicInteger numbers, boolean background) {
        return r -> {
            // The pool's worker loop must always run, or the pool would wait forever for this thread to exit.
            Runnable body = background ? () -> {
                awaitLowering();
                r.run();
            } : r;
            Thread t = new Thread(body, prefix + "-" + numbers.incrementAndGet());
            t.setDaemon(true);
            if (background) {
                // Below the window's threads: Java priorities count on Windows and macOS, and on Linux
                // BackgroundPriority lowers the OS thread itself (Java priorities need JVM flags there).
                t.setPriority(Thread.MIN_PRIORITY);
            }
            threads.add(t);
            return t;
        };
    }

    /** What one task reports back: its index, its private count of attempted increments, and any failure. */
    private record TaskOutcome(int task, long attempts, Optional<String> failure) {
    }
}
