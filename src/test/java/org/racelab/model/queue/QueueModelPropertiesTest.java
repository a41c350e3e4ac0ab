package org.racelab.model.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class QueueModelPropertiesTest {

    /** Runs random runnable threads until none can step; checks the invariant after every step. */
    static QueueTrace randomRun(QueueConfig config, long seed) {
        Random random = new Random(seed);
        QueueTrace trace = QueueTrace.start(config);
        while (true) {
            List<Integer> runnable = trace.last().runnable();
            if (runnable.isEmpty()) {
                return trace;
            }
            trace = trace.then(runnable.get(random.nextInt(runnable.size())));
            assertThat(trace.last().unfinishedTasks()).isNotNegative();
            if (config.bounded()) {
                assertThat(trace.last().length()).isLessThanOrEqualTo(config.maxsize());
            }
        }
    }

    static QueueConfig config(int p, int c, int items, int maxsize, QueueMistake m) {
        return new QueueConfig(p, c, items, maxsize, m);
    }

    @Property(tries = 300)
    void withTheQueueEveryItemIsConsumedExactlyOnceAndEveryThreadEnds(@ForAll @IntRange(min = 1, max = 4) int p,
            @ForAll @IntRange(min = 1, max = 4) int c, @ForAll @IntRange(min = 1, max = 12) int items,
            @ForAll @IntRange(min = 0, max = 10) int maxsize, @ForAll long seed) {
        QueueTrace t = randomRun(config(p, c, items, maxsize, QueueMistake.NONE), seed);
        QueueState end = t.last();
        assertThat(end.allFinished()).as("every consumer ends thanks to the re-put sentinel").isTrue();
        assertThat(t.deadlock()).isEmpty();
        for (int i = 1; i <= items; i++) {
            assertThat(end.timesConsumed(i)).as("item %d", i).isEqualTo(1);
        }
        assertThat(end.itemsPut()).isEqualTo(items);
        assertThat(end.itemsGot()).isEqualTo(items);
        assertThat(t.steps()).noneMatch(QueueStep::crash);
        assertThat(end.queue()).containsExactly(QueueState.SENTINEL);
    }

    @Property(tries = 200)
    void unboundedNeverBlocksAProducer(@ForAll @IntRange(min = 1, max = 4) int p,
            @ForAll @IntRange(min = 1, max = 4) int c, @ForAll @IntRange(min = 1, max = 12) int items,
            @ForAll long seed) {
        QueueTrace t = randomRun(config(p, c, items, 5, QueueMistake.UNBOUNDED), seed);
        for (int i = 0; i < t.steps().size(); i++) {
            QueueState s = t.state(i);
            for (int pr = 0; pr < p; pr++) {
                assertThat(s.refusal(pr).orElse("")).doesNotContain("blocked on put");
            }
        }
        assertThat(t.last().allFinished()).isTrue();
    }

    @Property(tries = 200)
    void unboundedWithAFastProducerGrowsToEveryItem(@ForAll @IntRange(min = 1, max = 20) int items) throws Exception {
        List<String> producerOnly = java.util.Collections.nCopies(2 * items, "P1");
        QueueTrace t = QueueTrace.replay(config(1, 1, items, 0, QueueMistake.UNBOUNDED), producerOnly);
        assertThat(t.last().length()).isEqualTo(items);
        assertThat(t.last().maxLength()).isEqualTo(items);
    }

    @Property(tries = 200)
    void withoutTheReputAllButOneConsumerWaitOnGetForever(@ForAll @IntRange(min = 1, max = 4) int p,
            @ForAll @IntRange(min = 1, max = 4) int c, @ForAll @IntRange(min = 1, max = 12) int items,
            @ForAll @IntRange(min = 1, max = 10) int maxsize, @ForAll long seed) {
        QueueTrace t = randomRun(config(p, c, items, maxsize, QueueMistake.NO_REPUT), seed);
        QueueState end = t.last();
        long waiting = java.util.stream.IntStream.range(0, c).filter(i -> !end.finished(p + i)).count();
        assertThat(waiting).isEqualTo(c - 1);
        if (c == 1) {
            assertThat(t.deadlock()).isEmpty();
        } else {
            assertThat(t.deadlock()).hasValueSatisfying(d -> assertThat(d)
                    .startsWith("deadlock: C").endsWith("on get() forever; nobody will put another None"));
        }
        for (int i = 1; i <= items; i++) {
            assertThat(end.timesConsumed(i)).isEqualTo(1);
        }
    }

    @Property(tries = 200)
    void withoutTaskDoneJoinNeverReturns(@ForAll @IntRange(min = 1, max = 4) int p,
            @ForAll @IntRange(min = 1, max = 4) int c, @ForAll @IntRange(min = 1, max = 12) int items,
            @ForAll @IntRange(min = 0, max = 10) int maxsize, @ForAll long seed) {
        QueueTrace t = randomRun(config(p, c, items, maxsize, QueueMistake.NO_TASK_DONE), seed);
        QueueState end = t.last();
        assertThat(end.phase(end.config().mainThread())).isEqualTo(QueueState.Phase.JOIN);
        assertThat(end.unfinishedTasks()).isEqualTo(items);
        assertThat(t.deadlock()).hasValueSatisfying(d ->
                assertThat(d).startsWith("deadlock: M waits in join() forever; nobody will call task_done()"));
    }

    @Property(tries = 300)
    void theSharedListCrashesExactlyWhenAPopFindsItEmpty(@ForAll @IntRange(min = 1, max = 3) int p,
            @ForAll @IntRange(min = 1, max = 4) int c, @ForAll @IntRange(min = 1, max = 8) int items,
            @ForAll long seed) {
        QueueTrace t = randomRun(config(p, c, items, 0, QueueMistake.SHARED_LIST), seed);
        for (int i = 0; i < t.steps().size(); i++) {
            QueueStep s = t.steps().get(i);
            boolean popOnEmpty = s.op() == QueueOp.POP && t.state(i).length() == 0;
            assertThat(s.crash()).isEqualTo(popOnEmpty);
            if (s.crash()) {
                assertThat(s.text()).isEqualTo("IndexError: pop from empty list");
                assertThat(t.last().phase(s.thread())).isEqualTo(QueueState.Phase.CRASHED);
            }
        }
        for (int i = 1; i <= items; i++) {
            assertThat(t.last().timesConsumed(i)).isLessThanOrEqualTo(1);
        }
        if (c == 1) {
            assertThat(t.steps()).noneMatch(QueueStep::crash);
        }
    }
}
