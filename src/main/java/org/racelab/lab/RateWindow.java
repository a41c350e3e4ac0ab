package org.racelab.lab;

/**
 * Increments per second over the last few samples (about 0.2 s): a single 40 ms interval is too jumpy to
 * read off a chart. Used only by the sampler thread.
 */
final class RateWindow {
    private static final int SIZE = 6;
    private final long[] times = new long[SIZE];
    private final long[] counts = new long[SIZE];
    private int next;
    private int filled;

    RateWindow(long t0) {
        add(t0, 0);
    }

    double add(long now, long attempts) {
        int oldest = filled < SIZE ? 0 : next;
        long oldTime = times[oldest];
        long oldCount = counts[oldest];
        times[next] = now;
        counts[next] = attempts;
        next = (next + 1) % SIZE;
        filled = Math.min(filled + 1, SIZE);
        double dt = (now - oldTime) / 1e9;
        return dt <= 0 ? 0 : (attempts - oldCount) / dt;
    }
}
