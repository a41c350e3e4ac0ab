package org.racelab.model;

/** A store the machine executed: which thread wrote which value to the counter. */
public record StoreRecord(char thread, int value) {

    @Override
    public String toString() {
        return thread + " stored " + value;
    }
}
