package org.racelab.model.explore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.racelab.model.RaceConfig;

class StateCountEstimateTest {

    private static long real(RaceConfig config) {
        return Interleavings.explore(config).stateCount();
    }

    @ParameterizedTest(name = "{0} × {1} with the lock")
    @CsvSource({"2,1", "2,5", "3,3", "4,5", "5,3", "6,2", "6,4"})
    void withTheLockTheCountIsExact(int threads, int increments) {
        RaceConfig config = new RaceConfig(threads, increments, 0, true);
        assertThat(StateCountEstimate.canonicalStates(config)).isEqualTo((double) real(config));
    }

    @ParameterizedTest(name = "{0} × {1}")
    @CsvSource({"1,1", "1,3", "2,1", "2,4", "2,9", "3,1", "3,3", "3,5", "4,1", "4,2", "4,3", "5,1", "5,2", "6,1",
        "6,2"})
    void withoutTheLockTheEstimateIsCloseToTheRealCount(int threads, int increments) {
        RaceConfig config = new RaceConfig(threads, increments, 0, false);
        long real = real(config);
        double estimate = StateCountEstimate.canonicalStates(config);
        assertThat(estimate / real).as("estimate %s for %s real states", estimate, real).isBetween(0.7, 1.35);
        if (real > 10_000) {
            // Refusing on the estimate must not refuse a race that would fit: for races of any size it is low.
            assertThat(estimate).isLessThanOrEqualTo(real);
        }
    }
}
