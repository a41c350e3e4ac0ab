package org.racelab.lab.pool;

import java.util.Objects;

/**
 * One pool workload: how many tasks, how long each takes, on how many workers, what kind, with or without the
 * GIL, and the server's concurrency cap (0 = no cap).
 *
 * <p>The constructor rejects anything outside the lecture's ranges with a message fit to show the user.
 */
public record PoolSettings(int tasks, int latencyMs, int workers, TaskKind kind, boolean gil, int serverCap) {

    public static final int MIN_TASKS = 1;
    public static final int MAX_TASKS = 1_000;
    public static final int MIN_LATENCY_MS = 10;
    public static final int MAX_LATENCY_MS = 2_000;
    public static final int MIN_WORKERS = 1;
    public static final int MAX_WORKERS = 64;
    public static final int MAX_CAP = 64;

    public PoolSettings {
        Objects.requireNonNull(kind, "kind");
        check("tasks", tasks, MIN_TASKS, MAX_TASKS);
        check("latency", latencyMs, MIN_LATENCY_MS, MAX_LATENCY_MS);
        check("workers", workers, MIN_WORKERS, MAX_WORKERS);
        if (serverCap != 0) {
            check("server cap", serverCap, 1, MAX_CAP);
        }
    }

    private static void check(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    /** Slide 2: 100 URLs at 1 s each on 10 workers. */
    public static PoolSettings slide2() {
        return new PoolSettings(100, 1_000, 10, TaskKind.IO, false, 0);
    }

    /** A faster classroom version of Slide 2: 100 URLs at 100 ms each on 10 workers (about 1 s). */
    public static PoolSettings classroom() {
        return new PoolSettings(100, 100, 10, TaskKind.IO, false, 0);
    }

    /** Python's ThreadPoolExecutor default: {@code min(32, os.cpu_count() + 4)}. */
    public static int defaultWorkers() {
        return defaultWorkers(Runtime.getRuntime().availableProcessors());
    }

    /** The same rule for a given number of processors. */
    public static int defaultWorkers(int processors) {
        return Math.min(32, processors + 4);
    }

    public PoolSettings withWorkers(int w) {
        return new PoolSettings(tasks, latencyMs, w, kind, gil, serverCap);
    }

    /** True when the server limits how many requests it serves at once. */
    public boolean capped() {
        return serverCap > 0;
    }

    /**
     * The best wall time this workload could take on {@code cores} cores, in seconds: the I/O bound
     * {@code ceil(tasks / min(workers, cap)) × latency} or the CPU bound {@code tasks × computeShare × latency /
     * parallel}, whichever is larger, where parallel is 1 with the GIL and {@code min(workers, cores)} without.
     */
    public double idealSeconds(int cores) {
        int lanes = capped() ? Math.min(workers, serverCap) : workers;
        if (kind == TaskKind.COMPUTE) {
            lanes = workers;
        }
        double ioBound = Math.ceil((double) tasks / lanes) * latencyMs / 1000.0;
        int cpuParallel = gil ? 1 : Math.min(workers, Math.max(1, cores));
        double cpuBound = tasks * kind.computeShare() * latencyMs / 1000.0 / cpuParallel;
        return Math.max(ioBound, cpuBound);
    }

    /** One thread, no pool: every task in turn. */
    public double sequentialSeconds() {
        return tasks * latencyMs / 1000.0;
    }
}
