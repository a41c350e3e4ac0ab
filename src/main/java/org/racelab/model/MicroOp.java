package org.racelab.model;

import java.util.Locale;

/**
 * One indivisible step of an increment: load, add, store, acquiring and releasing the lock, and for the other
 * {@link RaceProgram}s the call of {@code one()} and {@code time.sleep(0)} between the load and the store.
 */
public enum MicroOp {
    ACQUIRE,
    LOAD,
    ADD,
    STORE,
    RELEASE,
    /** Calls the Python function {@code one()}: under the GIL a switch point (the function's entry). */
    CALL,
    /** {@code time.sleep(0)}: releases the GIL, so another thread may run. */
    SLEEP;

    /** The lowercase name used in output and schedules' tables: {@code load}, {@code store}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}
