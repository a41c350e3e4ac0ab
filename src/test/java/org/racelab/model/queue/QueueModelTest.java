package org.racelab.model.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class QueueModelTest {

    @ParameterizedTest
    @EnumSource(QueuePreset.class)
    void everyPresetReplaysAndReopensFromItsScenarioFile(QueuePreset preset) {
        QueueTrace t = preset.trace();
        QueueTrace back = QueueScenario.fromJson(QueueScenario.toJson(t));
        assertThat(back.schedule()).isEqualTo(t.schedule());
        assertThat(back.config()).isEqualTo(t.config());
    }

    @Test
    void backpressureRefusesTheProducerWithTheReason() {
        QueueState end = QueuePreset.BACKPRESSURE.trace().last();
        assertThat(end.length()).isEqualTo(2);
        assertThat(end.refusal(0)).hasValue("P1 is blocked on put(): the queue is full (maxsize 2)");
        assertThat(end.refusal(1)).isEmpty();
    }

    @Test
    void sentinelEndsEveryConsumerOneAfterAnother() {
        QueueTrace t = QueuePreset.SENTINEL.trace();
        assertThat(t.last().allFinished()).isTrue();
        assertThat(t.steps().stream().filter(s -> s.op() == QueueOp.REPUT_SENTINEL).map(s -> s.thread()))
                .containsExactly(1, 2, 3);
    }

    @Test
    void sharedListCrashesTheSecondConsumer() {
        QueueTrace t = QueuePreset.SHARED_LIST.trace();
        QueueStep last = t.steps().get(t.steps().size() - 1);
        assertThat(last.crash()).isTrue();
        assertThat(t.config().name(last.thread())).isEqualTo("C2");
        assertThat(t.last().refusal(last.thread())).hasValue("C2 crashed: IndexError: pop from empty list");
    }

    @Test
    void noReputSaysTheIssuesSentence() {
        assertThat(QueuePreset.NO_REPUT.trace().deadlock())
                .hasValue("deadlock: C2 and C3 wait on get() forever; nobody will put another None");
    }

    @Test
    void noTaskDoneSaysJoinNeverReturns() {
        assertThat(QueuePreset.NO_TASK_DONE.trace().deadlock()).hasValue("deadlock: M waits in join() forever; "
                + "nobody will call task_done(); and C1 and C2 wait on get() forever; nobody will put another None");
    }

    @Test
    void impossibleStepsNameTheStep() {
        QueueConfig c = new QueueConfig(1, 1, 1, 1, QueueMistake.NONE);
        assertThatThrownBy(() -> QueueTrace.replay(c, List.of("P1", "C1")))
                .isInstanceOf(QueueScheduleException.class)
                .hasMessage("step 2: C1 is blocked on get(): the queue is empty");
        assertThatThrownBy(() -> QueueTrace.replay(c, List.of("P1", "C7")))
                .hasMessage("step 2: there is no thread C7 (this run has P1, C1, M)");
        assertThatThrownBy(() -> QueueTrace.replay(c, List.of("M")))
                .hasMessage("step 1: M waits for the producers: P1 is still running");
    }

    @Test
    void timelineHasOneColumnPerThread() {
        String md = QueueTimeline.markdown(QueuePreset.SHARED_LIST.trace());
        assertThat(md.lines().findFirst().orElseThrow()).isEqualTo("| step | P1 | C1 | C2 | M | queue | unfinished |");
        assertThat(md).contains("| 6 | | | **CRASH: IndexError: pop from empty list** | | [] | 0 |");
    }

    @Test
    void brokenScenariosAreRefusedInOneLine() {
        String good = QueueScenario.toJson(QueuePreset.SENTINEL.trace());
        assertThatThrownBy(() -> QueueScenario.fromJson(good.substring(0, 40))).hasMessageStartingWith("not a queue");
        assertThatThrownBy(() -> QueueScenario.fromJson(good.replace("\"queue\"", "\"scenario\"")))
                .hasMessage("not a queue scenario: \"racelab\" must be \"queue\"");
        assertThatThrownBy(() -> QueueScenario.fromJson(good.replace("\"items\" : 2", "\"items\" : 99")))
                .hasMessage("items must be 1 to 20, not 99");
        assertThatThrownBy(() -> QueueScenario.fromJson(good.replace("\"C3\"", "\"C9\"")))
                .hasMessageStartingWith("the schedule cannot be replayed: step 21: there is no thread C9");
    }
}
