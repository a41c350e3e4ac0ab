package org.racelab.lab.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueueRehearsalTest {

    @AfterEach
    void noThreadSurvives() {
        assertThat(QueueRunTest.alive()).isEmpty();
    }

    @Test
    void everyRehearsedRunIsARealExactRun() throws Exception {
        List<QueueRehearsal.Rehearsed> done = new QueueRehearsal(false).call();
        assertThat(done).extracting(d -> d.result().settings()).containsExactlyElementsOf(QueueRehearsal.RUNS);
        assertThat(done).allSatisfy(d -> {
            assertThat(d.result().exact()).isTrue();
            assertThat(d.result().hung()).isEmpty();
            assertThat(d.result().consumed()).isEqualTo(d.result().settings().items());
            assertThat(d.sample().consumed()).isEqualTo(d.result().settings().items());
        });
    }

    @Test
    void aStopEndsItWithinTheRunsStopTimeAndLeavesNoThread() throws Exception {
        QueueRehearsal rehearsal = new QueueRehearsal(false);
        CompletableFuture<List<QueueRehearsal.Rehearsed>> running = CompletableFuture.supplyAsync(() -> {
            try {
                return rehearsal.call();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        // Until the first run's threads are up, so the stop meets a run in progress.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (QueueRunTest.alive().size() < 3 && !running.isDone() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        long stoppedAt = System.nanoTime();
        rehearsal.stop();
        List<QueueRehearsal.Rehearsed> done = running.get(2, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt)).isLessThan(1_000);
        assertThat(done.size()).isLessThan(QueueRehearsal.RUNS.size());
    }

    @Test
    void itCollectsOnlyWhileTheFirstMetadataThresholdIsAheadAndNear() {
        long mb = 1 << 20;
        // A young jar JVM: 20.75 of its 21 MB (measured once the window is up).
        assertThat(QueueRehearsal.aheadAndNear(20_750 * 1024L, 21 * mb)).isTrue();
        // Past it: a metadata collection already raised the threshold.
        assertThat(QueueRehearsal.aheadAndNear(30 * mb, 21 * mb)).isFalse();
        assertThat(QueueRehearsal.aheadAndNear(21 * mb, 21 * mb)).isFalse();
        // Far below it: the app image's 96 MB threshold.
        assertThat(QueueRehearsal.aheadAndNear(21 * mb, 96 * mb)).isFalse();
    }

    @Test
    void aStopBeforeItBeginsMakesNoRun() throws Exception {
        QueueRehearsal rehearsal = new QueueRehearsal(true);
        rehearsal.stop();
        assertThat(rehearsal.call()).isEmpty();
    }
}
