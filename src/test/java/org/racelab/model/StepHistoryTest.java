package org.racelab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StepHistoryTest {

    @Test
    void undoAndRedoWalkBackAndForthWithoutLimit() {
        StepHistory h = new StepHistory(RaceConfig.SLIDE_8);
        for (char c : "ABBBAA".toCharArray()) {
            h.step(c - 'A');
        }
        assertThat(h.current().counter()).isEqualTo(6);
        for (int i = 0; i < 6; i++) {
            assertThat(h.undo()).isTrue();
        }
        assertThat(h.undo()).isFalse();
        assertThat(h.current().counter()).isEqualTo(5);
        assertThat(h.schedule().letters()).isEmpty();
        assertThat(h.ahead().letters()).isEqualTo("ABBBAA");
        for (int i = 0; i < 6; i++) {
            assertThat(h.redo()).isInstanceOf(StepResult.Stepped.class);
        }
        assertThat(h.redo()).isInstanceOf(StepResult.Refused.class);
        assertThat(h.result().finalValue()).isEqualTo(6);
        assertThat(h.result().lost()).isEqualTo(1);
    }

    @Test
    void aDifferentStepForgetsTheRedoStepsAndTheSameStepKeepsThem() {
        StepHistory h = StepHistory.queued(RaceConfig.SLIDE_8, new Schedule("ABBBAA"));
        h.step(0);
        assertThat(h.ahead().letters()).isEqualTo("BBBAA");
        h.step(0);
        assertThat(h.ahead().letters()).isEmpty();
        assertThat(h.canRedo()).isFalse();
    }

    @Test
    void refusedStepChangesNothing() {
        StepHistory h = StepHistory.queued(RaceConfig.SLIDE_8.withLock(true), new Schedule("AAAAABBBBB"));
        h.step(0);
        assertThat(h.step(1)).isInstanceOf(StepResult.Refused.class);
        assertThat(h.schedule().letters()).isEqualTo("A");
        assertThat(h.ahead().letters()).isEqualTo("AAAABBBBB");
    }

    @Test
    void queuingAnInvalidScheduleFailsNamingTheStep() {
        assertThatThrownBy(() -> StepHistory.queued(RaceConfig.SLIDE_8, new Schedule("AAAA")))
                .hasMessage("step 4: thread A is done");
    }

    @Test
    void rewindKeepsEverythingAsRedo() {
        StepHistory h = new StepHistory(RaceConfig.SLIDE_8);
        h.step(1);
        h.step(0);
        h.rewind();
        assertThat(h.steps()).isEmpty();
        assertThat(h.ahead().letters()).isEqualTo("BA");
    }

    @Test
    void sameSeedSameRunDifferentSeedsDiffer() {
        RaceConfig c = new RaceConfig(3, 3, 0, false);
        Schedule a = RandomScheduler.completeSchedule(c, 42);
        assertThat(RandomScheduler.completeSchedule(c, 42)).isEqualTo(a);
        assertThat(a.length()).isEqualTo(c.scheduleLength());
        assertThat(RunResult.replay(c, a).complete()).isTrue();
        long distinct = java.util.stream.LongStream.range(0, 20)
                .mapToObj(seed -> RandomScheduler.completeSchedule(c, seed)).distinct().count();
        assertThat(distinct).isGreaterThan(15);
    }
}
