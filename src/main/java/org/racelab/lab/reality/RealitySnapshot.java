package org.racelab.lab.reality;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** What real trials have shown so far: how many ran, for how long, and how often each final value came out. */
public record RealitySnapshot(long trials, long nanos, SortedMap<Integer, Long> observed, boolean finished) {

    public RealitySnapshot {
        observed = Collections.unmodifiableSortedMap(new TreeMap<>(observed));
    }

    /** Trials per second so far (0 before the first nanosecond). */
    public double trialsPerSecond() {
        return nanos <= 0 ? 0 : trials * 1e9 / nanos;
    }

    /** How many trials ended at {@code finalValue}. */
    public long count(int finalValue) {
        return observed.getOrDefault(finalValue, 0L);
    }
}
