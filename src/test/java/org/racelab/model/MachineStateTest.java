package org.racelab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineStateTest {

    private static MachineState run(RaceConfig config, String letters) {
        MachineState s = MachineState.initial(config);
        for (char c : letters.toCharArray()) {
            StepResult r = s.step(c);
            assertThat(r).as("step %s", c).isInstanceOf(StepResult.Stepped.class);
            s = ((StepResult.Stepped) r).state();
        }
        return s;
    }

    private static Step stepOf(MachineState s, char c) {
        return ((StepResult.Stepped) s.step(c)).step();
    }

    @Test
    void anIncrementIsLoadAddStoreWithoutTheLock() {
        assertThat(ThreadProgram.of(new RaceConfig(2, 2, 0, false)).ops()).containsExactly(
                MicroOp.LOAD, MicroOp.ADD, MicroOp.STORE, MicroOp.LOAD, MicroOp.ADD, MicroOp.STORE);
    }

    @Test
    void anIncrementIsFiveOpsWithTheLock() {
        assertThat(ThreadProgram.of(new RaceConfig(2, 1, 0, true)).ops()).containsExactly(
                MicroOp.ACQUIRE, MicroOp.LOAD, MicroOp.ADD, MicroOp.STORE, MicroOp.RELEASE);
        assertThat(MicroOp.ACQUIRE.label()).isEqualTo("acquire");
    }

    @Test
    void initialStateHasEmptyRegistersAndTheStartValue() {
        MachineState s = MachineState.initial(RaceConfig.SLIDE_8);
        assertThat(s.counter()).isEqualTo(5);
        assertThat(s.register(0)).isNull();
        assertThat(s.expected()).isEqualTo(5);
        assertThat(s.lost()).isZero();
        assertThat(s.complete()).isFalse();
        assertThat(s.status(0)).isEqualTo(ThreadStatus.READY);
    }

    @Test
    void loadCopiesTheCounterAddIncrementsTheRegisterStoreWritesIt() {
        MachineState s = MachineState.initial(RaceConfig.SLIDE_8);
        Step load = stepOf(s, 'A');
        assertThat(load).isEqualTo(new Step(1, 'A', MicroOp.LOAD, 5, 5, false, java.util.Optional.empty()));
        s = run(RaceConfig.SLIDE_8, "A");
        Step add = stepOf(s, 'A');
        assertThat(add.op()).isEqualTo(MicroOp.ADD);
        assertThat(add.register()).isEqualTo(6);
        assertThat(add.counter()).isEqualTo(5);
        s = run(RaceConfig.SLIDE_8, "AA");
        Step store = stepOf(s, 'A');
        assertThat(store.op()).isEqualTo(MicroOp.STORE);
        assertThat(store.counter()).isEqualTo(6);
        assertThat(store.stale()).isFalse();
    }

    @Test
    void stepIsImmutableTheOldStateIsUnchanged() {
        MachineState s = MachineState.initial(RaceConfig.SLIDE_8);
        s.step('A');
        assertThat(s.register(0)).isNull();
        assertThat(s.stepsTaken()).isZero();
    }

    @Test
    void slide8LosesOneUpdate() {
        RunResult r = RunResult.replay(RaceConfig.SLIDE_8, new Schedule("ABBBAA"));
        assertThat(r.complete()).isTrue();
        assertThat(r.finalValue()).isEqualTo(6);
        assertThat(r.expected()).isEqualTo(7);
        assertThat(r.lost()).isEqualTo(1);
        assertThat(r.steps()).extracting(Step::cell)
                .containsExactly("load 5", "load 5", "add 6", "store 6", "add 6", "store 6");
        assertThat(r.steps()).extracting(Step::stale).containsExactly(false, false, false, false, false, true);
        LostUpdate lu = r.steps().get(5).lostUpdate().orElseThrow();
        assertThat(lu.narration())
                .isEqualTo("A stores 6, computed from the 5 it loaded before B stored 6: A's increment is lost.");
        assertThat(lu.lostChange()).isEqualTo(1);
    }

    @Test
    void slide8WithTheLockEndsAtSeven() {
        RunResult r = RunResult.replay(RaceConfig.SLIDE_8.withLock(true), new Schedule("AAAAABBBBB"));
        assertThat(r.finalValue()).isEqualTo(7);
        assertThat(r.lost()).isZero();
        assertThat(r.complete()).isTrue();
        assertThat(r.steps()).extracting(s -> s.op().label()).containsExactly(
                "acquire", "load", "add", "store", "release", "acquire", "load", "add", "store", "release");
        assertThat(r.steps().get(6).register()).isEqualTo(6);
    }

    @Test
    void aThreadWaitingToAcquireAHeldLockIsBlockedAndRefused() {
        MachineState s = run(RaceConfig.SLIDE_8.withLock(true), "A");
        assertThat(s.lockHolder()).isZero();
        assertThat(s.status(1)).isEqualTo(ThreadStatus.BLOCKED);
        assertThat(s.canStep(1)).isFalse();
        assertThat(s.step('B')).isEqualTo(new StepResult.Refused("thread B is blocked: the lock is held by A"));
        assertThat(s.canStep(0)).isTrue();
        MachineState released = run(RaceConfig.SLIDE_8.withLock(true), "AAAAA");
        assertThat(released.lockHolder()).isEqualTo(MachineState.FREE);
        assertThat(released.status(1)).isEqualTo(ThreadStatus.READY);
    }

    @Test
    void blockedStepInAScheduleNamesTheStep() {
        RaceConfig c = new RaceConfig(2, 2, 5, true);
        assertThatThrownBy(() -> RunResult.replay(c, new Schedule("AAAAAAB")))
                .isInstanceOf(ScheduleException.class)
                .hasMessage("step 7: thread B is blocked: the lock is held by A");
    }

    @Test
    void steppingADoneThreadIsRefused() {
        MachineState s = run(RaceConfig.SLIDE_8, "AAA");
        assertThat(s.status(0)).isEqualTo(ThreadStatus.DONE);
        assertThat(s.step('A')).isEqualTo(new StepResult.Refused("thread A is done"));
        assertThatThrownBy(() -> RunResult.replay(RaceConfig.SLIDE_8, new Schedule("AAAA")))
                .hasMessage("step 4: thread A is done");
    }

    @Test
    void steppingAThreadThatDoesNotExistIsRefused() {
        MachineState s = MachineState.initial(RaceConfig.SLIDE_8);
        assertThat(s.step('E')).isEqualTo(new StepResult.Refused("there is no thread E (this run has threads A to B)"));
        assertThat(s.step(-1)).isInstanceOf(StepResult.Refused.class);
        assertThatThrownBy(() -> RunResult.replay(RaceConfig.SLIDE_8, new Schedule("ABC")))
                .hasMessageStartingWith("step 3: there is no thread C");
    }

    @Test
    void partialSchedulesCountOnlyTheStoresDone() {
        RunResult r = RunResult.replay(RaceConfig.SLIDE_8, new Schedule("ABBB"));
        assertThat(r.complete()).isFalse();
        assertThat(r.finalValue()).isEqualTo(6);
        assertThat(r.expected()).isEqualTo(6);
        assertThat(r.lost()).isZero();
        RunResult empty = RunResult.replay(RaceConfig.SLIDE_8, Schedule.EMPTY);
        assertThat(empty.expected()).isEqualTo(5);
        assertThat(empty.finalValue()).isEqualTo(5);
    }

    @Test
    void storeIsStaleOnlyWhenTheCounterChangedSinceTheLoad() {
        // B loads after A stored: not stale.
        RunResult serial = RunResult.replay(RaceConfig.SLIDE_8, new Schedule("AAABBB"));
        assertThat(serial.steps()).noneMatch(Step::stale);
        assertThat(serial.finalValue()).isEqualTo(7);
        // Both load 5, B stores first (fresh), A's store is stale.
        RunResult r = RunResult.replay(RaceConfig.SLIDE_8, new Schedule("ABABBA"));
        assertThat(r.steps()).extracting(Step::stale).containsExactly(false, false, false, false, false, true);
    }

    @Test
    void narrationNamesEveryStoreOverwrittenAndCountsTheLoss() {
        // A loads 0; B does two whole increments; A stores 1: two increments are lost.
        RunResult r = RunResult.replay(new RaceConfig(2, 2, 0, false), new Schedule("ABBBBBBAA"));
        LostUpdate lu = r.lostUpdates().get(0);
        assertThat(lu.overwritten()).containsExactly(new StoreRecord('B', 1), new StoreRecord('B', 2));
        assertThat(lu.lostChange()).isEqualTo(2);
        assertThat(lu.narration()).isEqualTo(
                "A stores 1, computed from the 0 it loaded before B stored 1 and B stored 2: 2 increments are lost.");
        assertThat(r.lost()).isEqualTo(2);
    }

    @Test
    void registerIsNullUntilTheFirstLoadAndKeptAfterwards() {
        RaceConfig c = RaceConfig.SLIDE_8.withLock(true);
        RunResult r = RunResult.replay(c, new Schedule("AAAAA"));
        assertThat(r.steps()).extracting(Step::register).containsExactly(null, 5, 6, 6, 6);
    }

    @Test
    void presetsAreValidAndShowWhatTheySay() {
        assertThat(RunResult.replay(Preset.SLIDE_8.config(), Preset.SLIDE_8.schedule()).finalValue()).isEqualTo(6);
        RunResult lock = RunResult.replay(Preset.SLIDE_8_LOCK.config(), Preset.SLIDE_8_LOCK.schedule());
        assertThat(lock.finalValue()).isEqualTo(7);
        RunResult worst = RunResult.replay(Preset.WORST_CASE.config(), Preset.WORST_CASE.schedule());
        assertThat(worst.complete()).isTrue();
        assertThat(worst.finalValue()).isEqualTo(2);
        assertThat(worst.lost()).isEqualTo(4);
        RunResult none = RunResult.replay(Preset.NO_RACE.config(), Preset.NO_RACE.schedule());
        assertThat(none.complete()).isTrue();
        assertThat(none.lost()).isZero();
        for (Preset p : Preset.values()) {
            assertThat(RunResult.replay(p.config(), p.schedule()).complete()).as(p.title()).isTrue();
        }
    }

    @Test
    void slide8WithLockPresetShowsBBlockedAfterAAcquires() {
        MachineState s = run(Preset.SLIDE_8_LOCK.config(), Preset.SLIDE_8_LOCK.schedule().letters().substring(0, 1));
        assertThat(s.refusal(1)).contains("thread B is blocked: the lock is held by A");
    }

    @Test
    void incrementsDoneCountsAtTheStore() {
        MachineState s = run(new RaceConfig(2, 2, 0, true), "AAAA");
        assertThat(s.incrementsDone(0)).isEqualTo(1);
        assertThat(run(new RaceConfig(2, 2, 0, false), "AA").incrementsDone(0)).isZero();
        assertThat(run(new RaceConfig(2, 2, 0, false), "AAA").incrementsDone(0)).isEqualTo(1);
    }

    @Test
    void codeViewsMapTheAddOpOntoTwoBytecodeLines() {
        assertThat(CodeView.PYTHON.lines(1, false)).filteredOn(l -> l.op() == MicroOp.ADD)
                .extracting(CodeView.CodeLine::text).containsExactly("LOAD_CONST   1", "BINARY_OP    +=");
        assertThat(CodeView.JVM.lines(1, false)).filteredOn(l -> l.op() != null)
                .extracting(CodeView.CodeLine::text)
                .containsExactly("getstatic count", "iconst_1", "iadd", "putstatic count");
        List<CodeView.CodeLine> plainLock = CodeView.PLAIN.lines(2, true);
        assertThat(plainLock).extracting(CodeView.CodeLine::op).contains(MicroOp.ACQUIRE, MicroOp.RELEASE);
        for (CodeView v : CodeView.values()) {
            for (boolean lock : new boolean[] {false, true}) {
                assertThat(v.lines(1, lock)).extracting(CodeView.CodeLine::op)
                        .containsAll(ThreadProgram.incrementOps(lock));
            }
        }
    }

    @Test
    void markdownHasTheScheduleTimelineAndSummary() {
        String md = RunResult.replay(RaceConfig.SLIDE_8, new Schedule("ABBBAA")).toMarkdown();
        assertThat(md).contains("Schedule: `ABBBAA` (2 threads × 1 increment, start 5, no lock)")
                .contains("| Step | Thread A | Thread B | count |")
                .contains("| 1 | load 5 | | 5 |")
                .contains("| 4 | | store 6 | 6 |")
                .contains("| 6 | store 6 **(lost update)** | | 6 |")
                .contains("- A stores 6, computed from the 5 it loaded before B stored 6: A's increment is lost.")
                .endsWith("Expected 7, actual 6, lost 1 (complete).\n");
    }
}
