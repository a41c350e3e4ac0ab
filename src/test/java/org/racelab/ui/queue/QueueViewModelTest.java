package org.racelab.ui.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.racelab.model.queue.QueueConfig;
import org.racelab.model.queue.QueueMistake;
import org.racelab.model.queue.QueuePreset;

class QueueViewModelTest {

    private final AtomicLong clock = new AtomicLong();
    private final QueueViewModel vm = new QueueViewModel(clock::get);

    @Test
    void backpressurePresetStepsThroughItsStoryAndRefusesTheBlockedProducer() {
        vm.loadPreset(QueuePreset.BACKPRESSURE);
        assertThat(vm.trace().steps()).isEmpty();
        for (int i = 0; i < 5; i++) {
            assertThat(vm.step(0)).isTrue();
        }
        assertThat(vm.state().length()).isEqualTo(2);
        assertThat(vm.step(0)).isFalse();
        assertThat(vm.narrationProperty().get())
                .isEqualTo("Refused: P1 is blocked on put(): the queue is full (maxsize 2).");
        assertThat(vm.status(0)).isEqualTo("blocked on put (queue full)");
        assertThat(vm.step(1)).isTrue();
        assertThat(vm.status(1)).isEqualTo("processing item 1");
    }

    @Test
    void undoAndRedoAreUnlimitedAndNextFollowsTheQueuedSchedule() {
        vm.loadPreset(QueuePreset.SENTINEL);
        int total = QueuePreset.SENTINEL.schedule().size();
        for (int i = 0; i < total; i++) {
            assertThat(vm.next()).isTrue();
        }
        assertThat(vm.state().allFinished()).isTrue();
        assertThat(vm.narrationProperty().get()).endsWith("Every thread has finished.");
        for (int i = 0; i < total; i++) {
            vm.undo();
        }
        assertThat(vm.trace().steps()).isEmpty();
        assertThat(vm.canRedo()).isTrue();
        vm.redo();
        assertThat(vm.trace().schedule()).containsExactly("P1");
    }

    @Test
    void steppingAnotherThreadAfterUndoDropsTheRedoSteps() {
        vm.loadPreset(QueuePreset.SENTINEL);
        vm.next();
        vm.next();
        vm.undo();
        assertThat(vm.step(4)).isFalse();
        assertThat(vm.step(0)).isTrue();
        assertThat(vm.canRedo()).isTrue();
        vm.configure(new QueueConfig(2, 1, 2, 1, QueueMistake.NONE));
        vm.step(1);
        assertThat(vm.canRedo()).isFalse();
        assertThat(vm.presetProperty().get()).isNull();
    }

    @Test
    void deadlockIsNarratedWithTheModelsSentence() {
        vm.loadPreset(QueuePreset.NO_REPUT);
        while (vm.canRedo()) {
            vm.next();
        }
        assertThat(vm.narrationProperty().get())
                .endsWith("Deadlock: C2 and C3 wait on get() forever; nobody will put another None.");
    }

    @Test
    void playTakesOneStepPerIntervalOfTheInjectedClock() {
        vm.configure(new QueueConfig(1, 1, 3, 1, QueueMistake.NONE));
        vm.togglePlay();
        assertThat(vm.playingProperty().get()).isTrue();
        vm.pulse();
        assertThat(vm.trace().steps()).hasSize(1);
        vm.pulse();
        assertThat(vm.trace().steps()).hasSize(1);
        clock.addAndGet(QueueViewModel.PLAY_STEP_NANOS);
        vm.pulse();
        assertThat(vm.trace().steps()).hasSize(2);
        for (int i = 0; i < 100; i++) {
            clock.addAndGet(QueueViewModel.PLAY_STEP_NANOS);
            vm.pulse();
        }
        assertThat(vm.state().allFinished()).isTrue();
        assertThat(vm.playingProperty().get()).isFalse();
    }

    @Test
    void theSameSeedPlaysTheSameRun() {
        QueueViewModel other = new QueueViewModel(clock::get);
        QueueConfig c = new QueueConfig(2, 2, 6, 2, QueueMistake.NONE);
        vm.configure(c);
        other.configure(c);
        vm.newSeed(42);
        other.newSeed(42);
        while (vm.next()) {
            other.next();
        }
        assertThat(vm.trace().schedule()).isEqualTo(other.trace().schedule());
    }

    @Test
    void scenarioRoundTripsAndABrokenFileChangesNothing() {
        vm.loadPreset(QueuePreset.SHARED_LIST);
        vm.next();
        vm.next();
        String json = vm.scenarioJson();
        vm.loadPreset(QueuePreset.BACKPRESSURE);
        vm.openScenario(json);
        assertThat(vm.trace().schedule()).containsExactly("P1", "P1");
        assertThat(vm.config().mistake()).isEqualTo(QueueMistake.SHARED_LIST);
        assertThatThrownBy(() -> vm.openScenario("{\"racelab\":\"queue\""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(vm.trace().schedule()).containsExactly("P1", "P1");
        assertThat(vm.copyText()).contains("| step | P1 | C1 | C2 | M | queue | unfinished |");
    }

    @Test
    void mistakeSwitchKeepsTheSettingsAndUnboundedMeansMaxsizeZero() {
        vm.configure(new QueueConfig(2, 2, 5, 3, QueueMistake.NONE));
        vm.setMistake(QueueMistake.UNBOUNDED);
        assertThat(vm.config().maxsize()).isZero();
        vm.setMistake(QueueMistake.NO_TASK_DONE);
        assertThat(vm.config()).isEqualTo(new QueueConfig(2, 2, 5, 2, QueueMistake.NO_TASK_DONE));
    }

    @Test
    void aPutMovesATokenIntoTheTailSlotAndAGetTakesTheHeadSlot() {
        vm.loadPreset(QueuePreset.BACKPRESSURE);
        vm.step(0);
        assertThat(vm.lastMoveProperty().get()).as("produce moves nothing").isNull();
        vm.step(0);
        assertThat(vm.lastMoveProperty().get()).isEqualTo(new TokenMove(2, 0, 1, 0, true));
        vm.step(0);
        vm.step(0);
        assertThat(vm.lastMoveProperty().get()).isEqualTo(new TokenMove(4, 0, 2, 1, true));
        vm.step(1);
        assertThat(vm.lastMoveProperty().get()).isEqualTo(new TokenMove(5, 1, 1, 0, false));
        vm.undo();
        assertThat(vm.lastMoveProperty().get()).as("undo moves nothing").isNull();
        vm.redo();
        assertThat(vm.lastMoveProperty().get()).as("redo replays the get").isEqualTo(new TokenMove(5, 1, 1, 0, false));
        vm.reset();
        assertThat(vm.lastMoveProperty().get()).isNull();
    }

    @Test
    void aPopTakesTheListsLastItemAndACrashMovesNothing() {
        vm.configure(new QueueConfig(1, 2, 2, 0, QueueMistake.SHARED_LIST));
        vm.step(0);
        vm.step(0);
        vm.step(0);
        vm.step(0);
        assertThat(vm.state().queue()).containsExactly(1, 2);
        vm.step(1);
        vm.step(1);
        assertThat(vm.lastMoveProperty().get()).as("pop() takes the end of the list").isEqualTo(
                new TokenMove(6, 1, 2, 1, false));
        vm.step(1);
        vm.step(1);
        vm.step(2);
        vm.step(1);
        assertThat(vm.lastMoveProperty().get()).isEqualTo(new TokenMove(10, 1, 1, 0, false));
        vm.step(2);
        assertThat(vm.trace().steps().get(vm.trace().steps().size() - 1).crash()).isTrue();
        assertThat(vm.lastMoveProperty().get()).isNull();
    }
}
