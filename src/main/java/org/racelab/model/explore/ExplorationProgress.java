package org.racelab.model.explore;

/** Receives how far an exhaustive exploration has come, as a fraction from 0 to 1, from the exploring thread. */
@FunctionalInterface
public interface ExplorationProgress {

    /** Ignores progress. */
    ExplorationProgress NONE = fraction -> { };

    void progress(double fraction);
}
