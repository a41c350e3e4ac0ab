package org.racelab.ui.stepper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.racelab.model.MicroOp;
import org.racelab.model.Preset;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceProgram;
import org.racelab.model.Schedule;
import org.racelab.model.ScheduleException;
import org.racelab.model.SwitchRule;

/** The stepper's programs and switch rules on the view-model alone: plain JUnit, no JavaFX toolkit. */
class StepperProgramTest {

    private static final class NoTicker implements Ticker {
        @Override
        public void start(double perSecond, Runnable tick) {
        }

        @Override
        public void stop() {
        }
    }

    private StepperViewModel vm;
    private final List<StepperSnapshot> published = new ArrayList<>();

    @BeforeEach
    void setUp() {
        vm = new StepperViewModel(new NoTicker());
        vm.snapshotProperty().addListener((o, a, b) -> published.add(b));
    }

    private String narration() {
        return vm.getSnapshot().feedback().text();
    }

    @Test
    void underTheGilRuleBIsRefusedBetweenAsLoadAndStoreAndTheNarrationSaysWhy() {
        vm.switchRuleProperty().set(SwitchRule.CPYTHON_GIL);
        vm.step(0);
        published.clear();
        vm.step(1);
        assertThat(published).hasSize(1);
        assertThat(vm.getSnapshot().feedback().kind()).isEqualTo(Feedback.Kind.REFUSED);
        assertThat(narration()).isEqualTo("Cannot step: CPython hands the GIL over only when a thread enters a "
                + "function, jumps back in a loop or blocks: B cannot run until A reaches one.");
        assertThat(vm.getSnapshot().steps()).hasSize(1);
        vm.step(0);
        vm.step(0);
        vm.step(1);
        assertThat(vm.getSnapshot().feedback().kind()).isEqualTo(Feedback.Kind.STEP);
        assertThat(vm.getSnapshot().steps()).hasSize(4);
    }

    @Test
    void theRefusalIsExactlyTheNonSwitchPointStepsOfCountPlusEqualsOne() {
        vm.switchRuleProperty().set(SwitchRule.CPYTHON_GIL);
        // A at load, add, store: B may start only before A's load (nobody ran yet) or once A is done.
        for (int aSteps = 0; aSteps <= 3; aSteps++) {
            vm.switchRuleProperty().set(SwitchRule.ANY);
            vm.switchRuleProperty().set(SwitchRule.CPYTHON_GIL);
            for (int k = 0; k < aSteps; k++) {
                vm.step(0);
            }
            vm.step(1);
            boolean refused = vm.getSnapshot().feedback().kind() == Feedback.Kind.REFUSED;
            assertThat(refused).as("B after %d steps of A", aSteps).isEqualTo(aSteps == 1 || aSteps == 2);
        }
    }

    @Test
    void underTheAnyRuleTheSameStepIsTaken() {
        vm.step(0);
        vm.step(1);
        assertThat(vm.getSnapshot().feedback().kind()).isEqualTo(Feedback.Kind.STEP);
    }

    @Test
    void countPlusEqualsOneCallLetsBInAfterTheCallAndLosesAnUpdate() {
        vm.programProperty().set(RaceProgram.CALL);
        vm.switchRuleProperty().set(SwitchRule.CPYTHON_GIL);
        for (char c : "AABBAABB".toCharArray()) {
            vm.step(c - 'A');
            assertThat(vm.getSnapshot().feedback().kind()).as("step %s", c).isNotEqualTo(Feedback.Kind.REFUSED);
        }
        assertThat(vm.getState().complete()).isTrue();
        assertThat(vm.getState().counter()).isEqualTo(6);
        assertThat(vm.getSnapshot().feedback().kind()).isEqualTo(Feedback.Kind.LOST);
    }

    @Test
    void switchingTheProgramStartsANewRunThatNamesItAndItsOps() {
        vm.step(0);
        published.clear();
        vm.programProperty().set(RaceProgram.SLEEP);
        assertThat(published).hasSize(1);
        assertThat(vm.getSnapshot().steps()).isEmpty();
        assertThat(vm.currentProgram()).isEqualTo(RaceProgram.SLEEP);
        assertThat(narration()).contains("tmp = count; time.sleep(0); count = tmp + 1");
        vm.step(0);
        vm.step(0);
        assertThat(vm.getSnapshot().steps().get(1).op()).isEqualTo(MicroOp.SLEEP);
        vm.runToCompletion();
        assertThat(vm.getSnapshot().steps()).hasSize(8);
        assertThat(narration()).contains("Expected 7");
        vm.programProperty().set(RaceProgram.COUNT);
        assertThat(vm.getState().program().length()).isEqualTo(3);
    }

    @Test
    void theProgramTakesEffectEvenWhileTheStartTextIsBad() {
        vm.startTextProperty().set("oops");
        vm.programProperty().set(RaceProgram.CALL);
        assertThat(vm.currentProgram()).isEqualTo(RaceProgram.CALL);
        assertThat(vm.currentConfig()).isEqualTo(RaceConfig.SLIDE_8);
    }

    @Test
    void aStoppedRunCountsTheProgramsRealLengthInTheSummary() {
        vm.programProperty().set(RaceProgram.CALL);
        vm.step(0);
        assertThat(vm.currentResult().summaryText()).contains("stopped after 1 of 8 steps");
    }

    @Test
    void presetsGoBackToTheSlidesModelSoSlide8StillLosesItsUpdate() {
        vm.programProperty().set(RaceProgram.CALL);
        vm.switchRuleProperty().set(SwitchRule.CPYTHON_GIL);
        vm.loadPreset(Preset.SLIDE_8);
        assertThat(vm.programProperty().get()).isEqualTo(RaceProgram.COUNT);
        assertThat(vm.switchRuleProperty().get()).isEqualTo(SwitchRule.ANY);
        vm.runToCompletion();
        assertThat(vm.getState().counter()).isEqualTo(6);
    }

    @Test
    void aTypedScheduleIsCheckedAgainstTheRuleOnShow() {
        vm.switchRuleProperty().set(SwitchRule.CPYTHON_GIL);
        vm.scheduleTextProperty().set("ABBBAA");
        vm.replayScheduleText();
        assertThat(vm.scheduleErrorProperty().get()).contains("step 2").contains("CPython hands the GIL over");
        vm.scheduleTextProperty().set("AAABBB");
        vm.replayScheduleText();
        assertThat(vm.scheduleErrorProperty().get()).isEmpty();
        assertThat(vm.currentRule()).isEqualTo(SwitchRule.CPYTHON_GIL);
    }

    @Test
    void replayWithAProgramAndRuleRefusesAScheduleTheRuleForbids() {
        assertThatThrownBy(() -> vm.replay(RaceConfig.SLIDE_8, RaceProgram.COUNT, SwitchRule.CPYTHON_GIL,
                new Schedule("ABBBAA"))).isInstanceOf(ScheduleException.class);
        vm.replay(RaceConfig.SLIDE_8, RaceProgram.CALL, SwitchRule.CPYTHON_GIL, new Schedule("AABBAABB"));
        assertThat(vm.programProperty().get()).isEqualTo(RaceProgram.CALL);
        assertThat(vm.getSnapshot().ahead()).isEqualTo("AABBAABB");
    }

    @Test
    void autoPlayAndRandomStepsObeyTheRule() {
        vm.switchRuleProperty().set(SwitchRule.CPYTHON_GIL);
        for (long seed = 1; seed <= 30; seed++) {
            vm.setSeed(seed);
            vm.switchRuleProperty().set(SwitchRule.ANY);
            vm.switchRuleProperty().set(SwitchRule.CPYTHON_GIL);
            vm.runToCompletion();
            assertThat(vm.getSnapshot().steps()).hasSize(6);
            assertThat(vm.getState().counter()).as("seed %d", seed).isEqualTo(7);
        }
    }

    @Test
    void aSavedScenarioKeepsTheProgramAndTheRuleAndOpensWithThem() {
        StepperPart part = new StepperPart(vm);
        vm.programProperty().set(RaceProgram.SLEEP);
        vm.switchRuleProperty().set(SwitchRule.CPYTHON_GIL);
        vm.step(0);
        vm.step(0);
        String saved = part.scenario().orElseThrow().save();
        StepperViewModel other = new StepperViewModel(new NoTicker());
        new StepperPart(other).scenario().orElseThrow().open(saved);
        assertThat(other.currentProgram()).isEqualTo(RaceProgram.SLEEP);
        assertThat(other.currentRule()).isEqualTo(SwitchRule.CPYTHON_GIL);
        assertThat(other.switchRuleProperty().get()).isEqualTo(SwitchRule.CPYTHON_GIL);
        assertThat(other.getSnapshot().ahead()).isEqualTo("AA");
    }
}
