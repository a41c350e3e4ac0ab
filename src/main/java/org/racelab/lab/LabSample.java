package org.racelab.lab;

/**
 * One live reading of a running {@link CounterRun}, taken by its sampler thread.
 *
 * <p>{@code lostSoFar} is approximate while the run is going (the attempt counts are published in chunks, so
 * they lag the counter slightly); only the final {@link CounterRunResult} is exact.
 */
public record LabSample(
        CounterKind counter,
        double elapsedSeconds,
        long attempts,
        long counterValue,
        long lostSoFar,
        double incrementsPerSecond,
        boolean locked,
        long expected) {

    /** Fraction of the run done, 0 to 1. */
    public double progress() {
        return expected == 0 ? 0 : Math.min(1.0, (double) attempts / expected);
    }
}
