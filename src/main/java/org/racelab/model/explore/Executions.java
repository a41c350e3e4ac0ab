package org.racelab.model.explore;

import java.math.BigInteger;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceProgram;

/**
 * A race's really different executions (Mazurkiewicz traces): schedules that differ only by swapping neighbouring
 * independent steps of different threads ({@link StepIndependence}) are one execution; {@code losing} of them
 * lose an update. Every schedule of one execution ends at the same value, so an execution loses or it does not.
 */
public record Executions(RaceConfig config, RaceProgram program, BigInteger count, BigInteger losing) {

    /** Executions in which no update is lost. */
    public BigInteger correct() {
        return count.subtract(losing);
    }
}
