package org.racelab.model.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.racelab.model.RaceConfig;
import org.racelab.model.RunResult;
import org.racelab.model.Step;

/** Every schedule the explorer hands out (witnesses, pages, random picks) replays through the stepper's model. */
class InterleavingsReplayTest {

    private static void replaysAsClaimed(RaceConfig config, ExploredSchedule s) {
        RunResult run = RunResult.replay(config, s.schedule());
        assertThat(run.complete()).as("%s", s.schedule()).isTrue();
        assertThat(run.finalValue()).as("%s", s.schedule()).isEqualTo(s.finalValue());
        List<Integer> stale = new ArrayList<>();
        run.steps().stream().filter(Step::stale).forEach(step -> stale.add(step.index()));
        assertThat(stale).as("%s", s.schedule()).isEqualTo(s.staleSteps());
    }

    @Test
    void witnessesAndListedSchedulesReplayInTheStepperModel() throws InterruptedException {
        for (RaceConfig c : List.of(new RaceConfig(2, 1, 5, false), new RaceConfig(2, 3, 0, false),
                new RaceConfig(3, 3, -1000, false), new RaceConfig(4, 3, 1000, false), new RaceConfig(4, 2, 0, true),
                new RaceConfig(5, 2, 0, false), new RaceConfig(4, 5, 3, true))) {
            Interleavings in = Interleavings.explore(c);
            replaysAsClaimed(c, in.min());
            replaysAsClaimed(c, in.max());
            assertThat(in.max().finalValue()).isEqualTo(c.expectedFinal());
            for (InterleavingOutcome o : in.outcomes()) {
                for (BigInteger from : List.of(BigInteger.ZERO, o.count().shiftRight(1),
                        o.count().subtract(BigInteger.valueOf(5)).max(BigInteger.ZERO))) {
                    for (ExploredSchedule s : in.page(o.finalValue(), from, 5)) {
                        replaysAsClaimed(c, s);
                        assertThat(s.finalValue()).isEqualTo(o.finalValue());
                    }
                }
            }
            for (ExploredSchedule s : in.page(null, in.total().shiftRight(1), 10)) {
                replaysAsClaimed(c, s);
            }
        }
    }

    @Test
    void theLargestUiCaseHandsOutReplayableSchedules() throws InterruptedException {
        RaceConfig c = new RaceConfig(4, 5, 0, false);
        Interleavings in = Interleavings.explore(c);
        assertThat(in.total()).isEqualTo(Interleavings.unlockedTotal(4, 5));
        assertThat(in.min().finalValue()).isEqualTo(2);
        replaysAsClaimed(c, in.min());
        replaysAsClaimed(c, in.max());
        BigInteger huge = new BigInteger("1234567890123456789012345678901");
        List<ExploredSchedule> page = in.page(7, huge, 3);
        assertThat(page).hasSize(3);
        for (int i = 0; i < page.size(); i++) {
            replaysAsClaimed(c, page.get(i));
            assertThat(in.rank(7, page.get(i).schedule())).isEqualTo(huge.add(BigInteger.valueOf(i)));
        }
    }
}
