package org.racelab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RaceRangeTest {

    @Test
    void theLecturesRangesAreNestedInTheModels() {
        for (RaceRange r : new RaceRange[] {RaceRange.LECTURE, RaceRange.RUN, RaceRange.EXPLORE}) {
            assertThat(RaceRange.MODEL.containsThreads(r.minThreads())).isTrue();
            assertThat(RaceRange.MODEL.containsThreads(r.maxThreads())).isTrue();
            assertThat(RaceRange.MODEL.containsIncrements(r.maxIncrements())).isTrue();
        }
        assertThat(RaceRange.LECTURE.threadsText()).isEqualTo("2 to 4");
        assertThat(RaceRange.LECTURE.incrementsText()).isEqualTo("1 to 5");
        assertThat(RaceRange.RUN.threadsText()).isEqualTo("2 to 6");
        assertThat(RaceRange.RUN.incrementsText()).isEqualTo("1 to 9");
        assertThat(RaceRange.EXPLORE.threadsText()).isEqualTo("1 to 6");
        assertThat(RaceRange.LECTURE.startText()).isEqualTo("-1000 to 1000");
    }

    @Test
    void clampingMovesIntoTheRange() {
        assertThat(RaceRange.LECTURE.clampThreads(6)).isEqualTo(4);
        assertThat(RaceRange.LECTURE.clampThreads(1)).isEqualTo(2);
        assertThat(RaceRange.LECTURE.clampIncrements(9)).isEqualTo(5);
        assertThat(RaceRange.LECTURE.clampStart(-5000)).isEqualTo(-1000);
        assertThat(RaceRange.LECTURE.containsStart(1000)).isTrue();
        assertThat(RaceRange.LECTURE.containsStart(1001)).isFalse();
    }

    @Test
    void theModelRefusesWhatItsRangeDoesNotHold() {
        assertThatThrownBy(() -> new RaceConfig(7, 1, 0, false)).hasMessage("threads must be 1 to 6, not 7");
        assertThatThrownBy(() -> new RaceConfig(2, 10, 0, false)).hasMessage("increments must be 1 to 9, not 10");
        assertThatThrownBy(() -> new RaceConfig(2, 1, 1001, false)).hasMessage("start must be -1000 to 1000, not 1001");
    }

    @Test
    void oneWordingForARace() {
        assertThat(new RaceConfig(2, 1, 5, false).settingsText()).isEqualTo("2 threads × 1 increment, start 5, no lock");
        assertThat(new RaceConfig(1, 3, -2, true).settingsText())
                .isEqualTo("1 thread × 3 increments, start -2, with the lock");
        assertThat(new RaceConfig(6, 9, 0, false).sizeText()).isEqualTo("6 threads × 9 increments");
    }
}
