package org.racelab.model;

/**
 * The settings of one race: how many threads, how many {@code count += 1} each runs, the counter's start value
 * and whether each increment holds the lock.
 *
 * <p>The model accepts {@link RaceRange#MODEL}; the parts offer narrower ranges, all declared in {@link RaceRange}.
 */
public record RaceConfig(int threads, int increments, int start, boolean lock) {

    /** Slide 8 of the lecture: two threads, one increment each, counter starting at 5, no lock. */
    public static final RaceConfig SLIDE_8 = new RaceConfig(2, 1, 5, false);

    public RaceConfig {
        String refusal = RaceRange.MODEL.refusal(threads, increments, start, "");
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
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
        return ThreadProgram.incrementOps(lock).size();
    }

    /** Steps in every complete schedule. */
    public int scheduleLength() {
        return threads * increments * opsPerIncrement();
    }

    /** The race's size in the words every part uses: "2 threads × 1 increment", "1 thread × 3 increments". */
    public String sizeText() {
        return threads + (threads == 1 ? " thread × " : " threads × ") + increments
                + (increments == 1 ? " increment" : " increments");
    }

    /** The whole setting in one line: "2 threads × 1 increment, start 5, no lock" (or "with the lock"). */
    public String settingsText() {
        return sizeText() + ", start " + start + ", " + (lock ? "with the lock" : "no lock");
    }

    /** The counter's value when no update is lost. */
    public int expectedFinal() {
        return start + threads * increments;
    }
}
