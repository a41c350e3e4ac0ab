package org.racelab.lab;

/**
 * The size of one lab run: W pool workers run T tasks of I increments each.
 *
 * <p>The constructor rejects anything a run cannot honestly do, with a message fit to show the user.
 */
public record LabSettings(int workers, int tasks, long increments) {

    public static final int MIN_WORKERS = 1;
    public static final int MAX_WORKERS = 64;
    public static final int MAX_TASKS = 100_000;

    public LabSettings {
        if (workers < MIN_WORKERS || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("workers must be between " + MIN_WORKERS + " and " + MAX_WORKERS
                    + ", got " + workers);
        }
        if (tasks < 1 || tasks > MAX_TASKS) {
            throw new IllegalArgumentException("tasks must be between 1 and " + MAX_TASKS + ", got " + tasks);
        }
        if (increments < 1) {
            throw new IllegalArgumentException("increments per task must be at least 1, got " + increments);
        }
        try {
            Math.multiplyExact((long) tasks, increments);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("tasks × increments (" + tasks + " × " + increments
                    + ") overflows a 64-bit counter; use fewer tasks or increments");
        }
    }

    /** The expected final value, T × I. */
    public long expected() {
        return tasks * increments;
    }

    /** Python's ThreadPoolExecutor default: {@code min(32, os.cpu_count() + 4)}. */
    public static int defaultWorkers() {
        return defaultWorkers(Runtime.getRuntime().availableProcessors());
    }

    /** The same rule for a given number of processors. */
    public static int defaultWorkers(int processors) {
        return Math.min(32, processors + 4);
    }
}
