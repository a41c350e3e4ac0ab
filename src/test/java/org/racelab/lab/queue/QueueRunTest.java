package org.racelab.lab.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.racelab.model.queue.QueueMistake;

class QueueRunTest {

    static List<String> alive() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(QueueRun.THREAD_PREFIX)).sorted().toList();
    }

    @AfterEach
    void noThreadSurvives() {
        assertThat(alive()).isEmpty();
    }

    static QueueRunSettings settings(int p, int c, int items, int maxsize, QueueMistake m, long timeoutMs) {
        return new QueueRunSettings(p, c, items, maxsize, 0, 0, m, timeoutMs);
    }

    @Test
    void aMillionItemsAreEachConsumedExactlyOnce() throws Exception {
        QueueRunResult r = new QueueRun(settings(2, 3, 1_000_000, 10, QueueMistake.NONE, 0)).call();
        assertThat(r.produced()).isEqualTo(1_000_000);
        assertThat(r.consumed()).isEqualTo(1_000_000);
        assertThat(r.lost()).isZero();
        assertThat(r.duplicated()).isZero();
        assertThat(r.failedGets()).isZero();
        assertThat(r.checksumMatches()).isTrue();
        assertThat(r.joinReturned()).isTrue();
        assertThat(r.hung()).isEmpty();
        assertThat(r.maxLength()).isBetween(1, 10);
    }

    @Test
    void unboundedUsesTheWholeRunAndStillCountsExactly() throws Exception {
        QueueRunResult r = new QueueRun(settings(4, 1, 200_000, 0, QueueMistake.UNBOUNDED, 0)).call();
        assertThat(r.exact()).isTrue();
        assertThat(r.consumed()).isEqualTo(200_000);
        assertThat(r.producerBlockedSeconds()).isZero();
    }

    @Test
    void withoutTheReputTheOtherConsumersHangOnGet() throws Exception {
        QueueRunResult r = new QueueRun(settings(2, 3, 1000, 5, QueueMistake.NO_REPUT, 300)).call();
        assertThat(r.consumed()).isEqualTo(1000);
        assertThat(r.joinReturned()).isTrue();
        assertThat(r.hung()).hasSize(2).allMatch(h -> h.matches("C[123] on get\\(\\)"));
    }

    @Test
    void withoutTaskDoneMainHangsInJoinAndEveryConsumerOnGet() throws Exception {
        QueueRunResult r = new QueueRun(settings(1, 2, 1000, 5, QueueMistake.NO_TASK_DONE, 300)).call();
        assertThat(r.consumed()).isEqualTo(1000);
        assertThat(r.joinReturned()).isFalse();
        assertThat(r.hung()).containsExactly("C1 on get()", "C2 on get()", "M in join()");
    }

    @Test
    void theSharedListCountsWhatReallyHappened() throws Exception {
        QueueRunResult r = new QueueRun(settings(2, 4, 200_000, 0, QueueMistake.SHARED_LIST, 3000)).call();
        // Whatever the race did, every item is accounted for: taken once, taken twice or more, or lost.
        long takenOnce = r.consumed() - r.duplicated();
        assertThat(takenOnce + r.lost()).isLessThanOrEqualTo(200_000);
        assertThat(r.produced()).isEqualTo(200_000);
    }

    @Test
    void stopEndsBlockedThreadsWithin200Ms() throws Exception {
        QueueRun run = new QueueRun(settings(2, 2, 1000, 5, QueueMistake.NO_TASK_DONE, 0));
        CompletableFuture<QueueRunResult> f = CompletableFuture.supplyAsync(() -> {
            try {
                return run.call();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (run.sample().consumed() < 1000 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(50);
        assertThat(alive()).contains("racelab-queue-M", "racelab-queue-C1");
        long t0 = System.nanoTime();
        run.stop();
        QueueRunResult r = f.get(1, TimeUnit.SECONDS);
        assertThat((System.nanoTime() - t0) / 1e6).isLessThan(200);
        assertThat(r.stopped()).isTrue();
        assertThat(r.hung()).isEmpty();
        assertThat(alive()).isEmpty();
    }

    @Test
    void interruptingTheCallerStopsTheRun() throws Exception {
        QueueRun run = new QueueRun(new QueueRunSettings(1, 1, 1000, 2, 50, 50, QueueMistake.NONE, 0));
        Thread caller = new Thread(() -> {
            try {
                run.call();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "racelab-queue-test-caller");
        caller.start();
        Thread.sleep(100);
        caller.interrupt();
        caller.join(1000);
        assertThat(caller.isAlive()).isFalse();
    }

    @Test
    void samplesShowBackpressureAsTimeBlockedOnPut() throws Exception {
        QueueRun run = new QueueRun(new QueueRunSettings(1, 1, 40, 2, 0, 5, QueueMistake.NONE, 0));
        QueueRunResult r = run.call();
        assertThat(r.exact()).isTrue();
        assertThat(r.maxLength()).isEqualTo(2);
        assertThat(r.producerBlockedSeconds()).isGreaterThan(0.05);
        QueueSample s = run.sample();
        QueueSample.ThreadTime p1 = s.threads().get(0);
        assertThat(p1.name()).isEqualTo("P1");
        assertThat(p1.blockedPutNanos()).isGreaterThan(p1.runningNanos());
    }

    /** Main joins the producers, then waits in join() for every task_done(): that is waiting, not running. */
    @Test
    void theMainThreadsTimeInJoinIsCountedAsJoinNotRunning() throws Exception {
        QueueRun run = new QueueRun(new QueueRunSettings(1, 1, 30, 2, 0, 5, QueueMistake.NONE, 0));
        QueueRunResult r = run.call();
        assertThat(r.exact()).isTrue();
        QueueSample.ThreadTime main = run.sample().threads().get(2);
        assertThat(main.name()).isEqualTo("M");
        assertThat(main.joinNanos()).isGreaterThan(100_000_000L);
        assertThat(main.runningNanos()).isLessThan(main.joinNanos() / 4);
        assertThat(run.sample().threads().get(0).joinNanos()).isZero();
    }

    @Test
    void aRunsSamplesListItsThreadsByTheNamesItsSettingsGive() throws Exception {
        QueueRunSettings settings = new QueueRunSettings(3, 2, 200, 4, 0, 0, QueueMistake.NONE, 0);
        QueueRun run = new QueueRun(settings);
        run.call();
        assertThat(run.sample().threads()).extracting(QueueSample.ThreadTime::name)
                .containsExactlyElementsOf(settings.threadNames())
                .containsExactly("P1", "P2", "P3", "C1", "C2", "M");
    }

    @Test
    void taskTrackerJoinReturnsExactlyWhenEveryTaskIsDone() throws Exception {
        TaskTracker t = new TaskTracker();
        t.added();
        t.added();
        t.done();
        assertThat(t.join(20, TimeUnit.MILLISECONDS)).isFalse();
        t.done();
        assertThat(t.join(20, TimeUnit.MILLISECONDS)).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(t::done).isInstanceOf(IllegalStateException.class);
        assertThat(t.unfinished()).isZero();
    }
}
