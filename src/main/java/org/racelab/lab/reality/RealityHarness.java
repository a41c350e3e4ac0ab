package org.racelab.lab.reality;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.racelab.model.RaceConfig;

/**
 * Runs a race's exact program on real platform threads millions of times, jcstress-style, and counts each
 * trial's final value.
 *
 * <p>How it keeps the rate high: the N racing threads are started once per run and reused. Each round, all of
 * them run the program over the same stride of {@value #STRIDE} fresh trial counters (one dense {@code int[]}),
 * released together by a spin barrier, so they overlap on the same trials at the same moment; nothing on that path
 * allocates or takes a lock (except the program's own lock). The calling thread is itself racing thread A and the coordinator: between
 * rounds it tallies and resets the stride. No extra spinning thread is needed, which matters on 2 cores, where
 * a third spinner would stall every round for a scheduler tick.
 *
 * <p>Thread safety: {@link #run} is called once, on the thread that becomes thread A. {@link #stop} may be
 * called from any thread. The barrier orders memory: a worker's trial writes happen before its increment of
 * {@code finished}, which the coordinator reads before tallying; the coordinator's resets happen before its
 * volatile write of {@code round}, which each worker reads before racing.
 */
public final class RealityHarness {

    /** Trials per round. */
    public static final int STRIDE = 512;
    /** Stop contract: every racing thread ends within this time of a stop request. */
    public static final long STOP_MILLIS = 200;
    /** Prefix of the racing threads' names. */
    public static final String THREAD_PREFIX = "racelab-reality-";
    /** How often progress is published. */
    public static final long PROGRESS_NANOS = 100_000_000L;

    // Short: on a quiet machine a wait is over within a few hundred pauses; on a loaded one the other racing thread
    // is off its core, and spinning longer only delays it (4096 spins measured 0.5 M trials/s under load, 256: 5.9 M).
    private static final int SPINS_BEFORE_YIELD = 1 << 8;
    private static final int STOPPED = -1;

    private final RaceConfig config;
    private final TrialStride stride;
    private final long trialLimit;
    private final long durationNanos;
    private final AtomicInteger finished = new AtomicInteger();
    private volatile int round;
    private volatile boolean stopRequested;

    /**
     * A run of {@code config} with {@code delay} that ends after {@code trialLimit} trials (rounded up to whole
     * strides) or {@code durationNanos}, whichever comes first; 0 means no such limit.
     */
    public RealityHarness(RaceConfig config, WindowDelay delay, long trialLimit, long durationNanos) {
        if (trialLimit <= 0 && durationNanos <= 0) {
            throw new IllegalArgumentException("a run needs a trial limit or a duration");
        }
        this.config = config;
        this.stride = new TrialStride(STRIDE, config.increments(), config.lock(), delay);
        this.trialLimit = trialLimit <= 0 ? Long.MAX_VALUE : trialLimit;
        this.durationNanos = durationNanos <= 0 ? Long.MAX_VALUE : durationNanos;
    }

    /** Asks the run to end; it does within {@link #STOP_MILLIS}, returning what it counted so far. */
    public void stop() {
        stopRequested = true;
        stride.abandon = true;
    }

    /**
     * Races until a limit, a stop request or an interrupt, publishing a snapshot about every 100 ms to
     * {@code progress} (on this thread; it must not block), and returns the final snapshot.
     */
    public RealitySnapshot run(Consumer<RealitySnapshot> progress) {
        int threads = config.threads();
        List<Thread> workers = new ArrayList<>();
        for (int i = 1; i < threads; i++) {
            TrialStride.Racer racer = stride.new Racer();
            Thread t = new Thread(() -> work(racer), THREAD_PREFIX + RaceConfig.threadName(i));
            t.setDaemon(true);
            workers.add(t);
        }
        int start = config.start();
        int low = start - 2 * config.threads() * config.increments() - 2;
        long[] counts = new long[4 * config.threads() * config.increments() + 5];
        TreeMap<Integer, Long> strays = new TreeMap<>();
        TrialStride.Racer mine = stride.new Racer();
        long began = System.nanoTime();
        long lastPublished = began;
        long trials = 0;
        stride.reset(start);
        workers.forEach(Thread::start);
        try {
            int r = 0;
            while (true) {
                finished.set(0);
                round = ++r;
                mine.race();
                boolean whole = awaitWorkers(threads - 1);
                long now = System.nanoTime();
                boolean done = stopRequested || Thread.currentThread().isInterrupted()
                        || now - began >= durationNanos;
                if (!whole || stride.abandon) {
                    // A stride cut short by a stop is not counted: every tallied trial ran whole.
                    return snapshot(trials, now - began, counts, low, strays, true);
                }
                int[] values = stride.counters;
                for (int i = 0; i < values.length; i++) {
                    int v = values[i];
                    int at = v - low;
                    if (at >= 0 && at < counts.length) {
                        counts[at]++;
                    } else {
                        strays.merge(v, 1L, Long::sum);
                    }
                    values[i] = start;
                }
                trials += values.length;
                if (done || trials >= trialLimit) {
                    return snapshot(trials, now - began, counts, low, strays, true);
                }
                if (now - lastPublished >= PROGRESS_NANOS) {
                    lastPublished = now;
                    progress.accept(snapshot(trials, now - began, counts, low, strays, false));
                }
            }
        } finally {
            round = STOPPED;
            stopRequested = true;
            stride.abandon = true;
            for (Thread t : workers) {
                joinQuietly(t);
            }
        }
    }

    /**
     * Waits until every worker has finished this round; false if a stop came first. A worker waiting for a round
     * leaves as soon as it sees the stop, so it may never race a round the coordinator started just then: waiting
     * on regardless spun forever (a Stop that left the run going, seen as a rare test timeout).
     */
    private boolean awaitWorkers(int workers) {
        int spins = 0;
        while (finished.get() < workers) {
            if (stopRequested) {
                return false;
            }
            if (++spins > SPINS_BEFORE_YIELD) {
                Thread.yield(); // more racing threads than cores: let the late one run
            } else {
                Thread.onSpinWait();
            }
        }
        return true;
    }

    private void work(TrialStride.Racer racer) {
        int seen = 0;
        while (true) {
            int r;
            int spins = 0;
            while ((r = round) == seen) {
                if (stopRequested) {
                    return;
                }
                if (++spins > SPINS_BEFORE_YIELD) {
                    Thread.yield();
                } else {
                    Thread.onSpinWait();
                }
            }
            if (r == STOPPED) {
                return;
            }
            seen = r;
            racer.race();
            finished.incrementAndGet();
        }
    }

    private static void joinQuietly(Thread t) {
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join(STOP_MILLIS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static RealitySnapshot snapshot(long trials, long nanos, long[] counts, int low,
            TreeMap<Integer, Long> strays, boolean finished) {
        TreeMap<Integer, Long> observed = new TreeMap<>(strays);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                observed.put(low + i, counts[i]);
            }
        }
        return new RealitySnapshot(trials, nanos, observed, finished);
    }
}
