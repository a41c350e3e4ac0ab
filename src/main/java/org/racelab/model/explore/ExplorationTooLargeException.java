package org.racelab.model.explore;

/** Thrown when a race has too many canonical states to explore within the memory this JVM may use. */
public final class ExplorationTooLargeException extends RuntimeException {

    public ExplorationTooLargeException(String message) {
        super(message);
    }
}
