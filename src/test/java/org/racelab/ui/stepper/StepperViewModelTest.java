package org.racelab.ui.stepper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.racelab.model.Preset;
import org.racelab.model.RaceConfig;
import org.racelab.model.Schedule;
import org.racelab.model.ScheduleException;

/** The stepper's view-model on its own: plain JUnit, no JavaFX toolkit, auto-play ticked by hand. */
class StepperViewModelTest {

    /** A ticker the test drives: {@link #tick()} runs one auto-play tick while started. */
    private static final class ManualTicker implements Ticker {
        Runnable action;
        double rate;

        @Override
        public void start(double perSecond, Runnable tick) {
            rate = perSecond;
            action = tick;
        }

        @Override
        public void stop() {
            action = null;
        }

        boolean running() {
            return action != null;
        }

        void tick() {
            action.run();
        }
    }

    private final ManualTicker ticker = new ManualTicker();
    private StepperViewModel vm;
    private final List<StepperSnapshot> published = new ArrayList<>();

    @BeforeEach
    void setUp() {
        vm = new StepperViewModel(ticker);
        vm.snapshotProperty().addListener((o, a, b) -> published.add(b));
    }

    private StepperSnapshot last() {
        return vm.getSnapshot();
    }

    private void steps(String letters) {
        for (char c : letters.toCharArray()) {
            vm.step(c - 'A');
        }
    }

    @Test
    void startsOnSlide8AtStepZeroWithAnIntroduction() {
        assertThat(last().config()).isEqualTo(RaceConfig.SLIDE_8);
        assertThat(last().steps()).isEmpty();
        assertThat(last().state().counter()).isEqualTo(5);
        assertThat(last().canUndo()).isFalse();
        assertThat(last().feedback().kind()).isEqualTo(Feedback.Kind.INFO);
        assertThat(last().feedback().text()).startsWith("Press A or B");
    }

    @Test
    void steppingSlide8LosesAnUpdateAndNarratesEachStep() {
        steps("ABBBA");
        assertThat(last().feedback().kind()).isEqualTo(Feedback.Kind.STEP);
        assertThat(last().feedback().text()).startsWith("Step 5: A adds 1");
        vm.step(0);
        StepperSnapshot s = last();
        assertThat(s.schedule()).isEqualTo("ABBBAA");
        assertThat(s.state().counter()).isEqualTo(6);
        assertThat(s.state().lost()).isEqualTo(1);
        assertThat(s.steps()).hasSize(6);
        assertThat(s.steps().get(5).stale()).isTrue();
        assertThat(s.feedback().kind()).isEqualTo(Feedback.Kind.LOST);
        assertThat(s.feedback().step()).isEqualTo(s.steps().get(5));
        vm.step(0);
        assertThat(last().feedback().kind()).isEqualTo(Feedback.Kind.REFUSED);
        assertThat(last().feedback().thread()).isZero();
        assertThat(last().steps()).hasSize(6);
    }

    @Test
    void undoAndRedoWalkTheHistoryAndSayWhenTheyCannot() {
        vm.undo();
        assertThat(last().feedback().text()).isEqualTo("Nothing to undo: this is step 0.");
        steps("AB");
        vm.undo();
        assertThat(last().schedule()).isEqualTo("A");
        assertThat(last().ahead()).isEqualTo("B");
        assertThat(last().canRedo()).isTrue();
        assertThat(last().feedback().kind()).isEqualTo(Feedback.Kind.UNDO);
        assertThat(last().feedback().text()).startsWith("Undid step 2 (B load)");
        vm.redo();
        assertThat(last().schedule()).isEqualTo("AB");
        assertThat(last().canRedo()).isFalse();
        vm.redo();
        assertThat(last().feedback().text()).isEqualTo("Nothing to redo.");
        vm.reset();
        assertThat(last().steps()).isEmpty();
        assertThat(last().ahead()).isEqualTo("AB");
        assertThat(vm.aheadProperty().get()).isEqualTo("AB");
        assertThat(last().feedback().text()).contains("Ctrl+Y replays AB");
    }

    @Test
    void everyActionPublishesExactlyOneSnapshot() {
        vm.loadPreset(Preset.SLIDE_8);
        assertThat(published).hasSize(1);
        for (String action : List.of("step", "undo", "redo", "refused", "random", "reset", "toEnd", "seed")) {
            published.clear();
            switch (action) {
                case "step" -> vm.step(0);
                case "undo" -> vm.undo();
                case "redo" -> vm.redo();
                case "refused" -> vm.step(3);
                case "random" -> vm.stepRandom();
                case "reset" -> vm.reset();
                case "toEnd" -> vm.runToCompletion();
                default -> vm.setSeed(42);
            }
            assertThat(published).as(action).hasSize(1);
        }
        published.clear();
        vm.lockProperty().set(true);
        assertThat(published).as("lock toggle").hasSize(1);
        published.clear();
        vm.replay(RaceConfig.SLIDE_8, new Schedule("AB"));
        assertThat(published).as("replay").hasSize(1);
    }

    @Test
    void aThreadKeyOnAQueuedPresetStepsTheQueueInOneSnapshot() {
        vm.loadPreset(Preset.SLIDE_8);
        assertThat(last().ahead()).isEqualTo("ABBBAA");
        assertThat(last().nextQueuedThread()).isZero();
        assertThat(last().feedback().text()).startsWith("Slide 8: lost update").contains("the keys ABBBAA");
        published.clear();
        vm.step(0);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).ahead()).isEqualTo("BBBAA");
        assertThat(published.get(0).nextQueuedThread()).isEqualTo(1);
        assertThat(published.get(0).steps()).hasSize(1);
    }

    @Test
    void presetsLoadTheirSettingsAndQueueTheirSchedule() {
        vm.loadPreset(Preset.WORST_CASE);
        assertThat(vm.threadsProperty().get()).isEqualTo(2);
        assertThat(vm.incrementsProperty().get()).isEqualTo(3);
        assertThat(vm.startTextProperty().get()).isEqualTo("0");
        assertThat(vm.currentConfig()).isEqualTo(Preset.WORST_CASE.config());
        vm.runToCompletion();
        assertThat(last().state().counter()).isEqualTo(2);
        assertThat(last().feedback().kind()).isEqualTo(Feedback.Kind.LOST);
        vm.loadPreset(Preset.SLIDE_8_LOCK);
        assertThat(vm.lockProperty().get()).isTrue();
        vm.runToCompletion();
        assertThat(last().state().counter()).isEqualTo(7);
        assertThat(last().state().lost()).isZero();
    }

    @Test
    void theLockToggleRestartsTheRunWithTheSameSettingsEvenWhileTheStartTextIsBad() {
        steps("AB");
        vm.startTextProperty().set("x");
        assertThat(vm.startErrorProperty().get()).startsWith("Start must be a whole number");
        vm.lockProperty().set(true);
        assertThat(vm.currentConfig()).isEqualTo(RaceConfig.SLIDE_8.withLock(true));
        assertThat(last().steps()).isEmpty();
        assertThat(last().feedback().text()).startsWith("Lock switched on: the run restarted with the same settings");
        vm.step(0);
        vm.step(1);
        assertThat(last().feedback().text()).isEqualTo("Cannot step: thread B is blocked: the lock is held by A.");
        vm.lockProperty().set(false);
        assertThat(vm.currentConfig().lock()).isFalse();
    }

    @Test
    void aTypedStartValueAppliesOnlyWhenCommittedAndOnlyWhenValid() {
        vm.startTextProperty().set("2000");
        vm.commitStart();
        assertThat(vm.startErrorProperty().get()).isEqualTo("Start must be -1000 to 1000, not 2000.");
        assertThat(vm.currentConfig().start()).isEqualTo(5);
        vm.startTextProperty().set("12");
        assertThat(vm.currentConfig().start()).isEqualTo(5);
        vm.commitStart();
        assertThat(vm.currentConfig().start()).isEqualTo(12);
        assertThat(vm.startErrorProperty().get()).isEmpty();
        vm.threadsProperty().set(9);
        assertThat(vm.currentConfig().threads()).isEqualTo(StepperViewModel.RANGE.maxThreads());
    }

    @Test
    void aTypedScheduleIsReplayedOrRefusedWithTheStep() {
        vm.scheduleTextProperty().set("ABBBAA");
        vm.replayScheduleText();
        assertThat(vm.scheduleErrorProperty().get()).isEmpty();
        assertThat(last().ahead()).isEqualTo("ABBBAA");
        assertThat(last().steps()).isEmpty();
        vm.runToCompletion();
        assertThat(vm.currentSchedule()).isEqualTo(new Schedule("ABBBAA"));
        assertThat(vm.runAsText()).startsWith("Schedule: `ABBBAA`");
        vm.scheduleTextProperty().set("AAAA");
        vm.replayScheduleText();
        assertThat(vm.scheduleErrorProperty().get()).contains("step 4");
        assertThatThrownBy(() -> vm.replay(RaceConfig.SLIDE_8, new Schedule("ABC")))
                .isInstanceOf(ScheduleException.class);
        assertThat(vm.currentSchedule()).isEqualTo(new Schedule("ABBBAA"));
    }

    @Test
    void autoPlayTicksUntilTheRunIsCompleteAndTheSameSeedGivesTheSameRun() {
        vm.setSeed(1234);
        vm.speedProperty().set(50);
        vm.togglePlay();
        assertThat(vm.playingProperty().get()).isTrue();
        assertThat(ticker.rate).isEqualTo(StepperViewModel.MAX_SPEED);
        int ticks = 0;
        while (ticker.running()) {
            ticker.tick();
            ticks++;
        }
        assertThat(ticks).isEqualTo(6);
        assertThat(vm.playingProperty().get()).isFalse();
        String first = vm.currentSchedule().letters();
        vm.togglePlay();
        assertThat(last().feedback().text()).isEqualTo("Every thread is done: reset (R) to play again.");
        vm.replay(RaceConfig.SLIDE_8, Schedule.EMPTY);
        vm.runToCompletion();
        assertThat(vm.currentSchedule().letters()).isEqualTo(first);
    }

    @Test
    void pausingStopsTheTickerAndAChangedSpeedRestartsIt() {
        vm.togglePlay();
        ticker.tick();
        vm.speedProperty().set(4);
        assertThat(ticker.rate).isEqualTo(4);
        vm.togglePlay();
        assertThat(ticker.running()).isFalse();
        assertThat(last().feedback().text()).isEqualTo("Paused at step 1.");
        vm.speedProperty().set(1);
        assertThat(ticker.running()).isFalse();
    }

    @Test
    void aBadSeedIsReportedAndTheOldOneKept() {
        vm.setSeed(7);
        vm.seedTextProperty().set("seven");
        vm.applySeedText();
        assertThat(vm.seedErrorProperty().get()).isEqualTo("The seed must be a whole number, not \"seven\".");
        vm.seedTextProperty().set("7");
        vm.applySeedText();
        assertThat(vm.seedErrorProperty().get()).isEmpty();
    }

    /** The run the seeded random scheduler makes from step 0 of Slide 8 with {@code seed}. */
    private String randomRun(long seed) {
        StepperViewModel other = new StepperViewModel(new ManualTicker());
        other.replay(RaceConfig.SLIDE_8, Schedule.EMPTY);
        other.setSeed(seed);
        other.runToCompletion();
        return other.currentSchedule().letters();
    }

    private long seedWhoseRunIsNot(String schedule) {
        for (long seed = 1; seed < 500; seed++) {
            if (!randomRun(seed).equals(schedule)) {
                return seed;
            }
        }
        throw new AssertionError("every seed gives " + schedule);
    }

    @Test
    void spaceAfterAPresetPlaysASeededRandomRunAndSaysSoWhileRightStepsTheQueue() {
        long seed = seedWhoseRunIsNot("ABBBAA");
        String random = randomRun(seed);
        vm.loadPreset(Preset.SLIDE_8);
        steps("AB");
        vm.reset();
        vm.setSeed(seed);
        vm.togglePlay();
        assertThat(last().feedback().text()).contains("seeded random run (seed " + seed + ")")
                .contains("queued steps ABBBAA are not played");
        while (ticker.running()) {
            ticker.tick();
        }
        assertThat(vm.currentSchedule().letters()).isEqualTo(random).isNotEqualTo("ABBBAA");

        vm.loadPreset(Preset.SLIDE_8);
        vm.stepRandom();
        vm.stepRandom();
        assertThat(vm.currentSchedule().letters()).as("Right takes the queued steps").isEqualTo("AB");
    }

    @Test
    void aReplayOrASettingsChangeEndsThePresetAndClearsTheOldScheduleAndItsError() {
        vm.loadPreset(Preset.SLIDE_8);
        assertThat(vm.presetProperty().get()).isEqualTo(Preset.SLIDE_8);
        vm.replay(RaceConfig.SLIDE_8, new Schedule("AABB"));
        assertThat(vm.presetProperty().get()).isNull();

        vm.loadPreset(Preset.SLIDE_8);
        vm.threadsProperty().set(3);
        assertThat(vm.presetProperty().get()).isNull();
        assertThat(vm.scheduleTextProperty().get()).isEmpty();

        vm.threadsProperty().set(2);
        vm.lockProperty().set(true);
        vm.scheduleTextProperty().set("AB");
        vm.replayScheduleText();
        assertThat(vm.scheduleErrorProperty().get()).contains("step 2").contains("blocked");
        vm.lockProperty().set(false);
        assertThat(vm.scheduleErrorProperty().get()).isEmpty();
        assertThat(vm.scheduleTextProperty().get()).isEmpty();
    }
}
