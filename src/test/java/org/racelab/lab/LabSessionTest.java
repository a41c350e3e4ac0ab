package org.racelab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LabSessionTest {

    /** Records what the session reports, on the hand-off thread. */
    private static final class Recorder implements LabSession.Listener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<CounterRunResult> results = new CopyOnWriteArrayList<>();
        final CountDownLatch ended = new CountDownLatch(1);
        final CountDownLatch started = new CountDownLatch(1);

        @Override
        public void runStarted(int run, CounterKind kind, boolean comparing) {
            events.add("start " + kind.id() + (comparing ? " comparing" : ""));
            started.countDown();
        }

        @Override
        public void runFinished(int run, CounterRunResult result) {
            events.add("finish " + result.counter().id());
            results.add(result);
        }

        @Override
        public void ended(Throwable failure) {
            events.add(failure == null ? "ended" : "failed " + failure);
            ended.countDown();
        }
    }

    @AfterEach
    void noLabThreadSurvives() throws InterruptedException {
        assertThat(LabThreads.awaitNone(2_000)).as("lab threads still alive: %s", LabThreads.alive()).isTrue();
    }

    @Test
    void runsEveryKindInTurnAndKeepsOnlyTheNewestReadingTaggedWithItsRun() {
        LabSession session = new LabSession(new SameThreadBackgroundExecutor(), CounterKind::create);
        Recorder recorder = new Recorder();
        assertThat(session.latest()).isNull();

        session.start(List.of(CounterKind.UNSAFE, CounterKind.ATOMIC), new LabSettings(2, 2, 20_000), recorder);

        assertThat(recorder.events).containsExactly("start unsafe comparing", "finish unsafe",
                "start atomic comparing", "finish atomic", "ended");
        // The slot holds the final reading of the last run: exact figures, tagged with that run's number.
        LabSession.Reading last = session.latest();
        CounterRunResult atomic = recorder.results.get(1);
        assertThat(last.sample().counter()).isEqualTo(CounterKind.ATOMIC);
        assertThat(last.sample().attempts()).isEqualTo(atomic.attempts()).isEqualTo(40_000);
        assertThat(last.sample().lostSoFar()).isZero();
        assertThat(last.sample().progress()).isEqualTo(1.0);
        session.start(List.of(CounterKind.LOCK), new LabSettings(1, 1, 10), new Recorder());
        assertThat(session.latest().run()).isGreaterThan(last.run());
        session.close();
    }

    @Test
    void theLockSwitchReachesTheRunningRunAndStopEndsItWithItsExactFigures() throws Exception {
        ThreadedBackgroundExecutor background = new ThreadedBackgroundExecutor("racelab-lab-test", Runnable::run);
        LabSession session = new LabSession(background, CounterKind::create);
        Recorder recorder = new Recorder();
        assertThat(session.setLocked(true)).isEmpty();
        session.start(List.of(CounterKind.SWITCHABLE), new LabSettings(2, 2, Long.MAX_VALUE / 4), recorder);
        assertThat(recorder.started.await(10, TimeUnit.SECONDS)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (session.latest() == null && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(session.latest().sample().locked()).as("a run started with the switch on").isTrue();
        assertThat(session.setLocked(false)).contains(CounterKind.SWITCHABLE);

        session.stop();
        assertThat(recorder.ended.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(LabThreads.awaitNone(1_000)).as("left: %s", LabThreads.alive()).isTrue();
        assertThat(recorder.results).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.STOPPED));
        session.close();
    }

    @Test
    void closingInterruptsTheCoordinatorAndStopsEveryWorker() throws Exception {
        Executor handoff = Runnable::run;
        LabSession session = new LabSession(new ThreadedBackgroundExecutor("racelab-lab-test", handoff),
                CounterKind::create);
        Recorder recorder = new Recorder();
        session.start(List.of(CounterKind.UNSAFE, CounterKind.ADDER), new LabSettings(2, 2, Long.MAX_VALUE / 4),
                recorder);
        assertThat(recorder.started.await(10, TimeUnit.SECONDS)).isTrue();
        session.close();
        assertThat(LabThreads.awaitNone(1_000)).as("left: %s", LabThreads.alive()).isTrue();
        assertThat(recorder.events).doesNotContain("start adder");
    }
}
