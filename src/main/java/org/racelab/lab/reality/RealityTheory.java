package org.racelab.lab.reality;

import java.util.List;
import org.racelab.model.explore.InterleavingOutcome;
import org.racelab.model.explore.Interleavings;
import org.racelab.model.RaceConfig;

/**
 * What the explorer says about a race, as the real trials are compared with it: per final value the share of
 * all schedules and the random scheduler's probability (exact values, rounded to doubles for display).
 */
public record RealityTheory(RaceConfig config, List<Outcome> outcomes) {

    /** One final value the model can reach. */
    public record Outcome(int finalValue, double scheduleShare, double randomSchedulerProbability) {
    }

    public RealityTheory {
        outcomes = List.copyOf(outcomes);
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("a race has at least one outcome");
        }
    }

    /** The theory of an exploration. */
    public static RealityTheory of(Interleavings explored) {
        return new RealityTheory(explored.config(), explored.outcomes().stream()
                .map(RealityTheory::outcomeOf).toList());
    }

    private static Outcome outcomeOf(InterleavingOutcome o) {
        return new Outcome(o.finalValue(), o.share().doubleValue(), o.randomSchedulerProbability().doubleValue());
    }

    /** The smallest final value any schedule reaches. */
    public int min() {
        return outcomes.get(0).finalValue();
    }

    /** The largest final value any schedule reaches. */
    public int max() {
        return outcomes.get(outcomes.size() - 1).finalValue();
    }

    /** The jcstress grade of a real final value. */
    public Grade grade(int finalValue) {
        if (finalValue < min() || finalValue > max()) {
            return Grade.FORBIDDEN;
        }
        return finalValue == config.expectedFinal() ? Grade.ACCEPTABLE : Grade.INTERESTING;
    }
}
