package org.racelab.model;

import java.util.Locale;

/** One indivisible step of {@code count += 1}: the three of the increment, plus acquiring and releasing the lock. */
public enum MicroOp {
    ACQUIRE,
    LOAD,
    ADD,
    STORE,
    RELEASE;

    /** The lowercase name used in output and schedules' tables: {@code load}, {@code store}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}
