package org.racelab.model;

/** Whether a thread can take its next micro-step. */
public enum ThreadStatus {
    /** It can step. */
    READY,
    /** Its next op is {@code acquire} and another thread holds the lock. */
    BLOCKED,
    /** It has run all of its increments. */
    DONE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
