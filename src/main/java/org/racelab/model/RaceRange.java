package org.racelab.model;

/**
 * A range of race settings some part of RaceLab offers: threads, increments per thread and the counter's start.
 * Every range the lecture uses is declared here, once.
 */
public record RaceRange(int minThreads, int maxThreads, int minIncrements, int maxIncrements, int minStart,
        int maxStart) {

    // The bounds as constants too, for picocli's option descriptions (annotations need constants).
    public static final int MAX_THREADS = 6;
    public static final int MAX_INCREMENTS = 9;
    public static final int MIN_START = -1000;
    public static final int MAX_START = 1000;
    public static final int LECTURE_MIN_THREADS = 2;
    public static final int LECTURE_MAX_THREADS = 4;
    public static final int LECTURE_MAX_INCREMENTS = 5;
    public static final int RUN_MIN_THREADS = 2;

    /** What the model can run at all. */
    public static final RaceRange MODEL = new RaceRange(1, MAX_THREADS, 1, MAX_INCREMENTS, MIN_START, MAX_START);
    /** The stepper, the explorer's window and scenario files: what fits a lecture's screen. */
    public static final RaceRange LECTURE = new RaceRange(LECTURE_MIN_THREADS, LECTURE_MAX_THREADS, 1,
            LECTURE_MAX_INCREMENTS, MIN_START, MAX_START);
    /** {@code run} on the command line: up to the explorer's six threads, so its witnesses can be replayed. */
    public static final RaceRange RUN = new RaceRange(RUN_MIN_THREADS, MAX_THREADS, 1, MAX_INCREMENTS, MIN_START,
            MAX_START);
    /** {@code explore} on the command line: everything the model runs (large races need much memory). */
    public static final RaceRange EXPLORE = MODEL;

    public RaceRange {
        if (minThreads < 1 || maxThreads < minThreads || minIncrements < 1 || maxIncrements < minIncrements
                || maxStart < minStart) {
            throw new IllegalArgumentException("empty range");
        }
    }

    public boolean containsThreads(int threads) {
        return threads >= minThreads && threads <= maxThreads;
    }

    public boolean containsIncrements(int increments) {
        return increments >= minIncrements && increments <= maxIncrements;
    }

    public boolean containsStart(int start) {
        return start >= minStart && start <= maxStart;
    }

    /**
     * Why these settings are outside the range, naming the setting with {@code prefix} ("threads must be 1 to 6,
     * not 7"; with prefix "--" the command line's option), or null when they are inside.
     */
    public String refusal(int threads, int increments, int start, String prefix) {
        if (!containsThreads(threads)) {
            return prefix + "threads must be " + threadsText() + ", not " + threads;
        }
        if (!containsIncrements(increments)) {
            return prefix + "increments must be " + incrementsText() + ", not " + increments;
        }
        if (!containsStart(start)) {
            return prefix + "start must be " + startText() + ", not " + start;
        }
        return null;
    }

    /** {@code threads} moved into the range. */
    public int clampThreads(int threads) {
        return Math.max(minThreads, Math.min(maxThreads, threads));
    }

    /** {@code increments} moved into the range. */
    public int clampIncrements(int increments) {
        return Math.max(minIncrements, Math.min(maxIncrements, increments));
    }

    /** {@code start} moved into the range. */
    public int clampStart(int start) {
        return Math.max(minStart, Math.min(maxStart, start));
    }

    /** "2 to 4". */
    public String threadsText() {
        return minThreads + " to " + maxThreads;
    }

    /** "1 to 5". */
    public String incrementsText() {
        return minIncrements + " to " + maxIncrements;
    }

    /** "-1000 to 1000". */
    public String startText() {
        return minStart + " to " + maxStart;
    }
}
