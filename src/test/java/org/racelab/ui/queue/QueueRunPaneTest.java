package org.racelab.ui.queue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The length axis' upper bound: the smallest of 1, 2 or 5 times a power of ten that holds the longest queue. */
class QueueRunPaneTest {

    @Test
    void roundsUpToOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(QueueRunPane.roundUp(1)).isEqualTo(1);
        assertThat(QueueRunPane.roundUp(1.5)).isEqualTo(2);
        assertThat(QueueRunPane.roundUp(3)).isEqualTo(5);
        assertThat(QueueRunPane.roundUp(10)).isEqualTo(10);
        assertThat(QueueRunPane.roundUp(11)).isEqualTo(20);
        assertThat(QueueRunPane.roundUp(0.3)).isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(QueueRunPane.roundUp(999_999)).isEqualTo(1_000_000);
    }
}
