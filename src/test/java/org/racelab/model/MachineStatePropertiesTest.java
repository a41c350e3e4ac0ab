package org.racelab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties that hold for every valid schedule, complete or stopped early. */
class MachineStatePropertiesTest {

    record Case(RaceConfig config, List<Integer> picks, boolean stopEarly) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<RaceConfig> configs = Combinators.combine(Arbitraries.integers().between(2, 4),
                Arbitraries.integers().between(1, 5), Arbitraries.integers().between(-1000, 1000),
                Arbitraries.of(true, false)).as(RaceConfig::new);
        return Combinators.combine(configs, Arbitraries.integers().between(0, 1000).list().ofSize(200),
                Arbitraries.of(true, false)).as(Case::new);
    }

    /** Walks a random valid schedule: each pick chooses among the threads that can step. */
    private static MachineState walk(Case c) {
        MachineState s = MachineState.initial(c.config());
        int limit = c.stopEarly() ? c.picks().get(0) % (c.config().scheduleLength() + 1) : Integer.MAX_VALUE;
        int taken = 0;
        for (int pick : c.picks()) {
            if (taken >= limit) {
                break;
            }
            int ready = 0;
            for (int i = 0; i < s.threadCount(); i++) {
                if (s.canStep(i)) {
                    ready++;
                }
            }
            if (ready == 0) {
                break;
            }
            int chosen = pick % ready;
            for (int i = 0; i < s.threadCount(); i++) {
                if (s.canStep(i) && chosen-- == 0) {
                    s = ((StepResult.Stepped) s.step(i)).state();
                    taken++;
                    break;
                }
            }
        }
        return s;
    }

    @Property
    void finalPlusLostIsExpected(@ForAll("cases") Case c) {
        MachineState s = walk(c);
        assertThat(s.counter() + s.lost()).isEqualTo(s.expected());
        assertThat(s.expected()).isEqualTo(c.config().start() + s.stores().size());
        assertThat(s.lost()).isGreaterThanOrEqualTo(0);
    }

    @Property
    void withTheLockEveryCompleteScheduleEndsAtStartPlusThreadsTimesIncrements(@ForAll("cases") Case c) {
        RaceConfig locked = c.config().withLock(true);
        MachineState s = walk(new Case(locked, c.picks(), false));
        assertThat(s.complete()).isTrue();
        assertThat(s.counter()).isEqualTo(locked.start() + locked.threads() * locked.increments());
        assertThat(s.lost()).isZero();
    }

    @Property
    void lostIsTheSumOfWhatTheStaleStoresLostAndNothingIsLostWithoutOne(@ForAll("cases") Case c) {
        Schedule sched = RandomScheduler.completeSchedule(c.config(), c.picks().get(1));
        RunResult r = RunResult.replay(c.config(), sched);
        assertThat(r.complete()).isTrue();
        assertThat(r.finalValue() + r.lost()).isEqualTo(r.expected());
        assertThat(r.expected()).isEqualTo(c.config().expectedFinal());
        assertThat(r.lost()).isEqualTo(r.steps().stream().filter(Step::stale)
                .mapToInt(st -> st.lostUpdate().orElseThrow().lostChange()).sum());
        if (r.steps().stream().noneMatch(Step::stale)) {
            assertThat(r.lost()).isZero();
        }
    }

    @Property
    void theStepsOfARunReplayToTheSameResult(@ForAll("cases") Case c) {
        MachineState s = walk(c);
        StepHistory h = new StepHistory(c.config());
        Schedule sched = RandomScheduler.completeSchedule(c.config(), c.picks().get(2));
        for (int i = 0; i < sched.length(); i++) {
            h.step(sched.threadAt(i));
        }
        assertThat(h.result()).isEqualTo(RunResult.replay(c.config(), sched));
        assertThat(s.stepsTaken()).isLessThanOrEqualTo(c.config().scheduleLength());
    }
}
