package org.racelab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MachineStateSwitchRuleTest {

    private static MachineState run(MachineState s, String letters) {
        for (char c : letters.toCharArray()) {
            StepResult r = s.step(c);
            assertThat(r).as("step %s", c).isInstanceOf(StepResult.Stepped.class);
            s = ((StepResult.Stepped) r).state();
        }
        return s;
    }

    @Test
    void underTheGilBCannotRunBetweenTheLoadAndTheStoreOfCountPlusOne() {
        MachineState s = run(MachineState.initial(new RaceConfig(2, 2, 5, false), RaceProgram.COUNT,
                SwitchRule.CPYTHON_GIL), "A");
        StepResult refused = s.step('B');
        assertThat(refused).isInstanceOf(StepResult.Refused.class);
        assertThat(((StepResult.Refused) refused).reason()).isEqualTo("CPython hands the GIL over only when a thread "
                + "enters a function, jumps back in a loop or blocks: B cannot run until A reaches one");
        assertThat(s.canStep(1)).isFalse();
        s = run(s, "AA");
        assertThat(s.switchAllowed()).isTrue();
        s = run(s, "BBB");
        assertThat(s.counter()).isEqualTo(7);
        assertThat(s.lost()).isZero();
    }

    @Test
    void theSameStepIsAllowedUnderTheAnyRuleAndLosesAnUpdate() {
        MachineState s = run(MachineState.initial(new RaceConfig(2, 1, 5, false), RaceProgram.COUNT,
                SwitchRule.ANY), "ABBBAA");
        assertThat(s.counter()).isEqualTo(6);
        assertThat(s.lost()).isEqualTo(1);
    }

    @Test
    void aCallIsASwitchPointSoCountPlusOneCallLosesUnderTheGil() {
        MachineState s = MachineState.initial(new RaceConfig(2, 1, 0, false), RaceProgram.CALL,
                SwitchRule.CPYTHON_GIL);
        s = run(s, "A");
        assertThat(s.refusal(1)).isPresent();
        s = run(s, "ABBBBAA");
        assertThat(s.complete()).isTrue();
        assertThat(s.counter()).isEqualTo(1);
    }

    @Test
    void sleepReleasesTheGil() {
        MachineState s = MachineState.initial(new RaceConfig(2, 1, 0, false), RaceProgram.SLEEP,
                SwitchRule.CPYTHON_GIL);
        s = run(s, "AABBBBAA");
        assertThat(s.counter()).isEqualTo(1);
    }

    @Test
    void atASwitchPointInsideTheLockTheWaitingThreadIsBlockedByTheLockNotTheGil() {
        MachineState s = MachineState.initial(new RaceConfig(2, 1, 0, true), RaceProgram.CALL,
                SwitchRule.CPYTHON_GIL);
        s = run(s, "AAA");  // A holds the lock and stands at the entry of one(): a switch point
        assertThat(s.switchAllowed()).isTrue();
        assertThat(s.refusal(1)).contains("thread B is blocked: the lock is held by A");
        s = run(s, "AAABBBBBB");
        assertThat(s.counter()).isEqualTo(2);
    }

    /** Walks every reachable state: a thread is refused exactly when the GIL holder is ready between switch points. */
    @ParameterizedTest
    @EnumSource(RaceProgram.class)
    void theMachineRefusesExactlyTheStepsAwayFromSwitchPoints(RaceProgram program) {
        for (boolean lock : new boolean[] {false, true}) {
            Deque<MachineState> todo = new ArrayDeque<>();
            todo.add(MachineState.initial(new RaceConfig(3, 2, 0, lock), program, SwitchRule.CPYTHON_GIL));
            int visited = 0;
            int refusedByGil = 0;
            while (!todo.isEmpty() && visited < 20_000) {
                MachineState s = todo.pop();
                visited++;
                int holder = s.gilHolder();
                boolean holderBetween = holder != MachineState.FREE && s.status(holder) == ThreadStatus.READY
                        && !s.program().switchPointAt(s.thread(holder).pc());
                for (int i = 0; i < s.threadCount(); i++) {
                    Optional<String> why = s.refusal(i);
                    boolean gilRefuses = s.status(i) == ThreadStatus.READY && i != holder && holderBetween;
                    assertThat(why.isPresent() && why.get().startsWith("CPython")).isEqualTo(gilRefuses);
                    if (gilRefuses) {
                        refusedByGil++;
                    }
                    if (why.isEmpty()) {
                        todo.push(((StepResult.Stepped) s.step(i)).state());
                    }
                }
            }
            // With the lock, a thread between switch points holds the lock too: the others are blocked by the lock.
            assertThat(refusedByGil > 0).isEqualTo(!lock);
        }
    }
}
