package org.racelab.lab;

/** How a lab run ended. */
public enum RunStatus {
    /** Every task did all its increments. */
    COMPLETED,
    /** Stopped on request before every task finished. */
    STOPPED,
    /** A task threw; the run is not silently short, it is failed. */
    FAILED
}
