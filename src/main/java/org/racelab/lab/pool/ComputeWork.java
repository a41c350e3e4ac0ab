package org.racelab.lab.pool;

/**
 * Real CPU work: a fixed number of xorshift steps per millisecond of latency, calibrated once per JVM on one
 * idle core (when a pool lab opens, before any run is timed), so a compute task of latency L takes about L on a
 * free core and longer when cores are shared.
 *
 * <p>Thread safety: the calibration is computed once in the class initializer; {@link #spin} uses only locals.
 */
public final class ComputeWork {

    private static final long CHECK_EVERY = 1 << 14;
    private static final long STEPS_PER_MS = calibrate();

    private static volatile long sink;

    private ComputeWork() {
    }

    /** xorshift steps that take about one millisecond on one core of this machine. */
    public static long stepsPerMillisecond() {
        return STEPS_PER_MS;
    }

    /** Runs {@code millis} worth of steps; throws as soon as the thread is interrupted. */
    public static void spinMillis(double millis) throws InterruptedException {
        spin(Math.max(1, Math.round(millis * STEPS_PER_MS)));
    }

    /** Runs {@code steps} xorshift steps; checks for an interrupt every few thousand. */
    public static void spin(long steps) throws InterruptedException {
        long x = sink | 1;
        for (long i = 0; i < steps; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            if ((i & (CHECK_EVERY - 1)) == 0 && Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("compute interrupted");
            }
        }
        sink = x;
    }

    /**
     * Steps per millisecond as a task sees them: the loop is run first until it is compiled (a task of 100 ms runs
     * compiled code almost all along), then timed in nine rounds whose median is taken. The fastest round, used
     * before, was faster than the loop's usual pace, so tasks overran their latency by about 10 %.
     */
    private static long calibrate() {
        long steps = 1 << 21;
        long[] rounds = new long[9];
        try {
            spin(1 << 25);
            for (int round = 0; round < rounds.length; round++) {
                long start = System.nanoTime();
                spin(steps);
                rounds[round] = System.nanoTime() - start;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100_000;
        }
        java.util.Arrays.sort(rounds);
        long median = rounds[rounds.length / 2];
        return median <= 0 ? 100_000 : Math.max(1, steps * 1_000_000L / median);
    }
}
