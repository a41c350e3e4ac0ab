package org.racelab.model.explore;

import java.math.BigInteger;
import org.racelab.model.RaceConfig;

/**
 * One final counter value of a race: how many schedules end there, their share of all schedules, and the exact
 * probability of ending there when a random scheduler picks each step among the threads that can step.
 */
public record InterleavingOutcome(int finalValue, BigInteger count, ExactFraction share,
        ExactFraction randomSchedulerProbability) {

    /** Increments lost in every schedule with this outcome. */
    public int lostUpdates(RaceConfig config) {
        return config.expectedFinal() - finalValue;
    }
}
