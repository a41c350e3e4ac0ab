package org.racelab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameGapStatsTest {

    @Test
    void frameGapPercentilesUseNearestRank() {
        long[] gaps = new long[100];
        for (int i = 0; i < 100; i++) {
            gaps[i] = (i + 1) * 1_000_000L;
        }
        FrameGapStats s = FrameGapStats.of(gaps, 100);
        assertThat(s.frames()).isEqualTo(100);
        assertThat(s.p50Millis()).isEqualTo(50.0);
        assertThat(s.p99Millis()).isEqualTo(99.0);
        assertThat(s.maxMillis()).isEqualTo(100.0);
        assertThat(s.meetsTargets()).isFalse();
        assertThat(FrameGapStats.of(new long[] {16_000_000L, 17_000_000L}, 2).meetsTargets()).isTrue();
        assertThat(FrameGapStats.of(gaps, 0)).isEqualTo(FrameGapStats.EMPTY);
    }
}
