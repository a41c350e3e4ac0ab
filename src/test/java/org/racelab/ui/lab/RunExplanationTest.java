package org.racelab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.racelab.lab.CounterKind;
import org.racelab.lab.CounterRunResult;
import org.racelab.lab.RunStatus;

class RunExplanationTest {

    /** A completed run of 6 tasks x 1,000,000 with {@code workers} threads at {@code perSecond} increments/s. */
    private static CounterRunResult run(CounterKind kind, int workers, double perSecond, long lost) {
        long expected = 6_000_000;
        return new CounterRunResult(kind, workers, 6, 1_000_000, expected, expected, expected - lost, lost,
                expected / perSecond, RunStatus.COMPLETED, Optional.empty(), List.of(0, 1, 2, 3, 4, 5));
    }

    private static final CounterRunResult UNSAFE = run(CounterKind.UNSAFE, 6, 100e6, 3_000_000);

    @Test
    void aLockAsFastAsUnsafeOnTwoCoresSaysWhyInsteadOfClaimingLocksAreFree() {
        String s = new RunExplanation(2).explain(run(CounterKind.SYNCHRONIZED, 6, 98e6, 0), Optional.of(UNSAFE));
        assertThat(s).startsWith("synchronized: 0 lost, about as fast as unsafe (0.98×)")
                .contains("6 threads on 2 cores, so at most 2 run at once")
                .contains("smallest possible critical section")
                .contains("with more cores or a longer critical section the waiting would show")
                .doesNotContain("1.0× slower").endsWith(".");
    }

    @Test
    void aLockMuchSlowerThanUnsafeIsExplainedByContentionOnTheMeasuredCores() {
        String s = new RunExplanation(8).explain(run(CounterKind.LOCK, 6, 20e6, 0), Optional.of(UNSAFE));
        assertThat(s).startsWith("lock: 0 lost, 5.0× slower than unsafe")
                .contains("6 threads on 8 cores, so at most 6 run at once")
                .contains("take turns for the lock").contains("keep critical sections small");
    }

    @Test
    void oneCoreMeansNoLockIsFoughtOverByThreadsRunningTogether() {
        String s = new RunExplanation(1).explain(run(CounterKind.SYNCHRONIZED, 6, 90e6, 0), Optional.of(UNSAFE));
        assertThat(s).contains("6 threads on 1 core, so at most 1 runs at once").contains("never fought over");
    }

    @Test
    void atomicFasterThanUnsafeNamesTheInstructionDifferenceAndTheRemainingContention() {
        String s = new RunExplanation(2).explain(run(CounterKind.ATOMIC, 6, 210e6, 0), Optional.of(UNSAFE));
        assertThat(s).startsWith("atomic: 0 lost, 2.1× faster than unsafe")
                .contains("one atomic add instruction").contains("the 2 threads still queue for one cache line");
        String slower = new RunExplanation(4).explain(run(CounterKind.ATOMIC, 6, 40e6, 0), Optional.of(UNSAFE));
        assertThat(slower).contains("2.5× slower").contains("take turns on the counter's one cache line")
                .doesNotContain("atomic add instruction replaces");
    }

    @Test
    void unsafeSaysWhyUpdatesWereLostAndThatItIsNotFreeEither() {
        String s = new RunExplanation(2).explain(UNSAFE, Optional.of(UNSAFE));
        assertThat(s).startsWith("unsafe: 3,000,000 lost (50.00 %) - 6 threads on 2 cores")
                .contains("overwritten").contains("cache line").doesNotContain("than unsafe");
        String oneThread = new RunExplanation(2).explain(run(CounterKind.UNSAFE, 1, 100e6, 0), Optional.empty());
        assertThat(oneThread).contains("1 thread on 2 cores, so at most 1 runs at once")
                .contains("nothing was overwritten").contains("preempted");
    }

    @Test
    void adderAndAStoppedSwitchableRunGetTheirOwnReasons() {
        assertThat(new RunExplanation(2).explain(run(CounterKind.ADDER, 6, 300e6, 0), Optional.of(UNSAFE)))
                .contains("3.0× faster than unsafe").contains("its own cell");
        CounterRunResult stopped = new CounterRunResult(CounterKind.SWITCHABLE, 4, 4, 1_000_000, 4_000_000, 1_234_567,
                1_000_000, 234_567, 1.0, RunStatus.STOPPED, Optional.of("stopped"), List.of());
        assertThat(new RunExplanation(2).explain(stopped, Optional.of(UNSAFE)))
                .contains("while the lock switch was off").endsWith("(stopped after 1,234,567 increments).")
                .doesNotContain("than unsafe");
    }

    @Test
    void aFailedRunSaysSoAndNoMachineIsImpossible() {
        CounterRunResult failed = new CounterRunResult(CounterKind.LOCK, 2, 2, 10, 20, 5, 5, 0, 0.1,
                RunStatus.FAILED, Optional.of("boom"), List.of());
        assertThat(new RunExplanation(2).explain(failed, Optional.empty())).isEqualTo(
                "lock: FAILED - boom (figures cover the attempts made).");
        assertThatThrownBy(() -> new RunExplanation(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
