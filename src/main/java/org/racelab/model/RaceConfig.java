package org.racelab.model;

/**
 * The settings of one race: how many threads, how many {@code count += 1} each runs, the counter's start value
 * and whether each increment holds the lock.
 *
 * <p>The model accepts 1 to {@link #MAX_THREADS} threads and 1 to {@link #MAX_INCREMENTS} increments; the
 * stepper's UI offers the narrower lecture range (2 to 4 threads, 1 to 5 increments).
 */
public record RaceConfig(int threads, int increments, int start, boolean lock) {

    public static final int MAX_THREADS = 6;
    public static final int MAX_INCREMENTS = 9;
    public static final int MIN_START = -1000;
    public static final int MAX_START = 1000;

    /** Slide 8 of the lecture: two threads, one increment each, counter starting at 5, no lock. */
    public static final RaceConfig SLIDE_8 = new RaceConfig(2, 1, 5, false);

    public RaceConfig {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be 1 to " + MAX_THREADS + ", not " + threads);
        }
        if (increments < 1 || increments > MAX_INCREMENTS) {
            throw new IllegalArgumentException("increments must be 1 to " + MAX_INCREMENTS + ", not " + increments);
        }
        if (start < MIN_START || start > MAX_START) {
            throw new IllegalArgumentException("start must be " + MIN_START + " to " + MAX_START + ", not " + start);
        }
    }

    /** The name of thread {@code index}: A, B, C, ... */
    public static char threadName(int index) {
        return (char) ('A' + index);
    }

    /** The same race with the lock switched on or off. */
    public RaceConfig withLock(boolean on) {
        return new RaceConfig(threads, increments, start, on);
    }

    /** Micro-ops in one increment: load, add, store; with the lock also acquire and release. */
    public int opsPerIncrement() {
        return lock ? 5 : 3;
    }

    /** Steps in every complete schedule. */
    public int scheduleLength() {
        return threads * increments * opsPerIncrement();
    }

    /** The counter's value when no update is lost. */
    public int expectedFinal() {
        return start + threads * increments;
    }
}
