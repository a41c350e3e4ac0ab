package org.racelab.model.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.racelab.model.RaceConfig;

class MemoryBudgetTest {

    @Test
    void aRaceTooLargeForTheHeapIsRefusedFromTheEstimateBeforeAnyWork() {
        List<Double> progress = new ArrayList<>();
        RaceConfig huge = new RaceConfig(6, 9, 0, false);
        assertThatThrownBy(() -> Interleavings.explore(huge, MemoryBudget.heap(), progress::add))
                .isInstanceOf(ExplorationTooLargeException.class)
                .hasMessageStartingWith("6 threads × 9 increments needs about ")
                .hasMessageContaining(" states); the limit is ")
                .hasMessageEndingWith("(the JVM's heap)");
        assertThat(progress).as("the forward pass reports after its first layer; it never started").isEmpty();
    }

    @Test
    void aSmallBudgetRefusesAMediumRaceUpFrontAndTheMessageGivesTheEstimate() {
        List<Double> progress = new ArrayList<>();
        RaceConfig config = new RaceConfig(4, 4, 0, false);
        double estimate = StateCountEstimate.canonicalStates(config);
        MemoryBudget budget = new MemoryBudget(1 << 20, "--max-memory");
        assertThatThrownBy(() -> Interleavings.explore(config, budget, progress::add))
                .isInstanceOf(ExplorationTooLargeException.class)
                .hasMessage("4 threads × 4 increments needs about "
                        + MemoryBudget.readable(estimate * MemoryBudget.BYTES_PER_ESTIMATED_STATE) + " (≈ "
                        + ExplorerNarration.grouped(java.math.BigDecimal.valueOf(estimate).toBigInteger())
                        + " states); the limit is 1.0 MB (--max-memory)");
        assertThat(progress).isEmpty();
    }

    @Test
    void theStatesReallyFoundAreCheckedToo() {
        // The estimate can be low, so the forward pass checks the states it finds (built here without the
        // up-front check): 3 × 5 has 43,257 states, at 210 bytes each more than 4 MB.
        List<Double> progress = new ArrayList<>();
        RaceConfig config = new RaceConfig(3, 5, 0, false);
        assertThatThrownBy(() -> InterleavingSpace.build(config, new MemoryBudget(4 << 20, "test"), progress::add))
                .isInstanceOf(ExplorationTooLargeException.class)
                .hasMessageStartingWith("3 threads × 5 increments has more than ")
                .hasMessageEndingWith("distinct states, more than fit in 4.0 MB (test): choose fewer threads or increments");
        assertThat(progress).isNotEmpty();
    }

    @Test
    void theLockedSixByNineFitsAnyHeap() throws InterruptedException {
        Interleavings locked = Interleavings.explore(new RaceConfig(6, 9, 0, true),
                new MemoryBudget(64L << 20, "test"), ExplorationProgress.NONE);
        assertThat(locked.outcomes()).hasSize(1);
    }

    @Test
    void sizesParseAsJavaWritesThem() {
        assertThat(MemoryBudget.parseSize("6g")).isEqualTo(6L << 30);
        assertThat(MemoryBudget.parseSize("512M")).isEqualTo(512L << 20);
        assertThat(MemoryBudget.parseSize("64k")).isEqualTo(64L << 10);
        assertThat(MemoryBudget.parseSize("2GB")).isEqualTo(2L << 30);
        assertThat(MemoryBudget.parseSize("1000")).isEqualTo(1000);
        for (String bad : List.of("", "g", "-1g", "0", "1.5g", "6x", "99999999999999t")) {
            assertThatThrownBy(() -> MemoryBudget.parseSize(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aRequestAboveTheHeapIsCappedAtTheHeap() {
        assertThat(MemoryBudget.atMost(Long.MAX_VALUE, "--max-memory")).isEqualTo(MemoryBudget.heap());
        assertThat(MemoryBudget.atMost(1 << 20, "--max-memory").source()).isEqualTo("--max-memory");
    }

    @Test
    void readableSizes() {
        assertThat(MemoryBudget.readable(40.0 * (1L << 30))).isEqualTo("40 GB");
        assertThat(MemoryBudget.readable(1.94 * (1L << 30))).isEqualTo("1.9 GB");
        assertThat(MemoryBudget.readable(620.0 * (1L << 20))).isEqualTo("620 MB");
    }
}
