package org.racelab.lab;

import java.util.Arrays;
import java.util.Locale;

/**
 * Percentiles of the intervals between JavaFX pulses, the measure of whether the window stayed smooth.
 *
 * <p>Pure arithmetic so that the UI's frame meter and the benchmark report the same numbers.
 */
public record FrameGapStats(int frames, double p50Millis, double p99Millis, double maxMillis) {

    public static final FrameGapStats EMPTY = new FrameGapStats(0, 0, 0, 0);

    /** Nearest-rank percentiles over the given gaps in nanoseconds (the array is not modified). */
    public static FrameGapStats of(long[] gapNanos, int count) {
        if (count <= 0) {
            return EMPTY;
        }
        long[] sorted = Arrays.copyOf(gapNanos, count);
        Arrays.sort(sorted);
        return new FrameGapStats(count, rank(sorted, 0.50) / 1e6, rank(sorted, 0.99) / 1e6,
                sorted[count - 1] / 1e6);
    }

    private static long rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** True when the figures meet the targets: p99 at most 34 ms and max at most 100 ms. */
    public boolean meetsTargets() {
        return frames > 0 && p99Millis <= 34 && maxMillis <= 100;
    }

    @Override
    public String toString() {
        return frames == 0 ? "no frames yet"
                : String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d frames)",
                        p50Millis, p99Millis, maxMillis, frames);
    }
}
