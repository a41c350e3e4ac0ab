package org.racelab.lab.pool;

/**
 * The measured truth of one pool run (or the sequential baseline): wall time, the ideal beside it, the server's
 * peak concurrency and requests served. One record, rendered by the CLI's table and JSON and by the window.
 *
 * @param sequential true for the baseline: one thread, no pool
 * @param completed  false when the run was stopped before every task finished
 */
public record PoolRunResult(PoolSettings settings, boolean sequential, double seconds, double idealSeconds,
        int peakConcurrent, long served, int finished, boolean completed) {

    public int workers() {
        return sequential ? 1 : settings.workers();
    }

    /** Ideal over measured: 1.0 means the run took exactly the ideal time. */
    public double efficiency() {
        return seconds > 0 ? idealSeconds / seconds : 0;
    }

    public double tasksPerSecond() {
        return seconds > 0 ? finished / seconds : 0;
    }
}
