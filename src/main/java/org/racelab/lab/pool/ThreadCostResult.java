package org.racelab.lab.pool;

import java.util.OptionalLong;

/**
 * What a thread costs on this machine (Slides 3 and 11), measured: create + start + join of a new thread per
 * task beside submit + get through a pool, in microseconds, and the stack reserved per thread beside the memory
 * really committed per live, parked thread.
 *
 * @param threads                       the tasks asked for
 * @param createdThreads                how many threads were created for the creation figures (at least 1,000)
 * @param parkedThreads                 how many threads were parked at once for the memory figure
 * @param committedKiBPerParkedThread   empty where the OS gives no resident size (not Linux)
 */
public record ThreadCostResult(int threads, int createdThreads, Percentiles createStartJoinMicros,
        Percentiles poolSubmitGetMicros, long reservedStackKiB, int parkedThreads,
        OptionalLong committedKiBPerParkedThread) {

    /** The median and 90th percentile of a sample, in microseconds. */
    public record Percentiles(double median, double p90) {
    }
}
