package org.racelab.lab;

/**
 * A shared {@code long} that many pool threads increment at once; each kind guards (or fails to guard) the
 * read-add-write differently.
 *
 * <p>Thread safety depends on the kind, which is the point of the lab: see {@link CounterKind#exact()}.
 */
public interface Counter {

    /** Adds one, the way this kind does it (possibly losing the update to a racing thread). */
    void increment();

    /** The current value; exact once every incrementing thread has finished. */
    long get();

    /** Which kind of counter this is. */
    CounterKind kind();
}
