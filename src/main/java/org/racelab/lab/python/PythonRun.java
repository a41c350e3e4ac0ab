package org.racelab.lab.python;

/** One real run on a Python: what the counter should reach, what it reached, what was lost, and how long it took. */
public record PythonRun(long expected, long finalCount, long lost, double seconds) {

    /** A run whose counter ended at {@code finalCount} of {@code expected}. */
    public static PythonRun of(long expected, long finalCount, double seconds) {
        return new PythonRun(expected, finalCount, expected - finalCount, seconds);
    }
}
