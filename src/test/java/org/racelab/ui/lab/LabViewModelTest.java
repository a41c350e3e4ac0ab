package org.racelab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.racelab.lab.BackgroundExecutor;
import org.racelab.lab.Counter;
import org.racelab.lab.CounterKind;
import org.racelab.lab.LabSample;
import org.racelab.lab.LabSession;
import org.racelab.lab.LabThreads;
import org.racelab.lab.RunStatus;
import org.racelab.lab.SameThreadBackgroundExecutor;
import org.racelab.lab.ThreadedBackgroundExecutor;

/** The lab's view-model on its own: plain JUnit, no JavaFX toolkit; hand-offs are queued and run by the test. */
class LabViewModelTest {

    /** Runs work at once on the calling thread but queues every hand-off, as the JavaFX thread would. */
    private static final class QueuedHandoff implements BackgroundExecutor {
        final Queue<Runnable> queue = new ArrayDeque<>();

        @Override
        public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess,
                Consumer<? super Throwable> onFailure) {
            try {
                T value = work.call();
                queue.add(() -> onSuccess.accept(value));
            } catch (Exception e) {
                queue.add(() -> onFailure.accept(e));
            }
            return new SameThreadBackgroundExecutor().submit(() -> null, v -> { }, e -> { });
        }

        @Override
        public Executor handoff() {
            return queue::add;
        }

        @Override
        public void close() {
        }

        void drain() {
            for (Runnable r = queue.poll(); r != null; r = queue.poll()) {
                r.run();
            }
        }
    }

    @AfterEach
    void noLabThreadSurvives() throws InterruptedException {
        assertThat(LabThreads.awaitNone(2_000)).as("lab threads left: %s", LabThreads.alive()).isTrue();
    }

    @Test
    void chartsKeepOnlyTheLastMinuteAndDropRunsThatScrolledOut() {
        long[] now = {0};
        LabViewModel vm = new LabViewModel(new SameThreadBackgroundExecutor(), CounterKind::create, () -> now[0]);
        int run = 0;
        // Three runs of ten simulated minutes each, sampled 25 times a second and shown ten times a second.
        for (CounterKind kind : List.of(CounterKind.UNSAFE, CounterKind.SYNCHRONIZED, CounterKind.ATOMIC)) {
            vm.runStarted(++run, kind, true);
            now[0] += 600_000_000_000L;
            for (int tick = 1; tick <= 6_000; tick++) {
                int i = tick * 100 / 40;
                boolean last = tick == 6_000;
                vm.show(new LabSession.Reading(run, new LabSample(kind, i * 0.04, i * 1000L, i * 900L, i * 100L,
                        25_000, false, last ? 15_000_000L : Long.MAX_VALUE)));
            }
        }
        LabChartWindow chart = vm.chart();
        double lower = chart.lowerProperty().get();
        assertThat(chart.upperProperty().get() - lower).isEqualTo(LabViewModel.WINDOW_SECONDS);
        assertThat(chart.upperProperty().get()).isEqualTo(1200 + 600.0, org.assertj.core.data.Offset.offset(0.1));
        // Earlier runs scrolled out of the window entirely: their lines are gone.
        assertThat(chart.lines()).singleElement().satisfies(line -> {
            assertThat(line.styleClass()).isEqualTo("lab-line-atomic");
            // One point per showing, ten a second: a minute of them, plus the one left of the window.
            assertThat(line.points().size()).isBetween(600, 602);
            assertThat(line.points().stream().filter(p -> p.seconds() < lower).count()).isLessThanOrEqualTo(1);
        });
    }

    @Test
    void aReadingIsShownOnceAndOnlyForTheRunBeingShown() {
        LabViewModel vm = new LabViewModel(new SameThreadBackgroundExecutor(), CounterKind::create, () -> 0L);
        LabSession.Reading first = new LabSession.Reading(7, new LabSample(CounterKind.SWITCHABLE, 0.5, 1000, 900,
                100, 2e6, false, Long.MAX_VALUE));
        vm.show(first);
        assertThat(vm.chart().lines()).as("no run started yet").isEmpty();
        vm.runStarted(7, CounterKind.SWITCHABLE, false);
        vm.show(first);
        vm.show(first);
        vm.show(new LabSession.Reading(6, first.sample()));
        assertThat(vm.chart().lines()).singleElement().satisfies(l -> assertThat(l.points()).hasSize(1));
        assertThat(vm.readoutProperty().get()).startsWith("switchable, UNLOCKED · ").contains("lost so far ≈ 100");
        // The live lock flips: a new line in the locked colour continues from the last point.
        vm.show(new LabSession.Reading(7, new LabSample(CounterKind.SWITCHABLE, 0.6, 2000, 1850, 150, 2e6, true,
                Long.MAX_VALUE)));
        assertThat(vm.chart().lines()).extracting(LabChartWindow.Line::styleClass)
                .containsExactly("lab-line-unlocked", "lab-line-locked");
        assertThat(vm.chart().lines().get(1).points()).extracting(LabChartWindow.Point::lost).containsExactly(100L, 150L);
    }

    @Test
    void aRunHandsOverItsStartItsFinalReadingAndItsRowInOrder() {
        QueuedHandoff background = new QueuedHandoff();
        LabViewModel vm = new LabViewModel(background);
        vm.counterProperty().set(CounterKind.UNSAFE);
        vm.workersProperty().set(1);
        vm.tasksProperty().set(2);
        vm.incrementsProperty().set(5_000);
        vm.start();
        assertThat(vm.isRunning()).isTrue();
        background.drain();
        assertThat(vm.isRunning()).isFalse();
        assertThat(vm.rows()).singleElement().satisfies(r -> {
            assertThat(r.result().status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(r.result().attempts()).isEqualTo(10_000);
        });
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.readoutProperty().get()).startsWith("unsafe · 100% · 10,000 attempted");
        assertThat(vm.chart().lines()).singleElement().satisfies(l -> assertThat(l.points()).isNotEmpty());
        assertThat(vm.statusProperty().get()).startsWith("unsafe finished: ");
        vm.clear();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.chart().lines()).isEmpty();
        assertThat(vm.readoutProperty().get()).isEmpty();
    }

    @Test
    void whatAStoppingRunHandsOverAfterTheWindowClosedIsIgnored() {
        QueuedHandoff background = new QueuedHandoff();
        LabViewModel vm = new LabViewModel(background);
        vm.counterProperty().set(CounterKind.UNSAFE);
        vm.workersProperty().set(1);
        vm.tasksProperty().set(1);
        vm.incrementsProperty().set(1_000);
        vm.start();
        vm.dispose();
        // The coordinating thread of a run that was going when the window closed still hands these over.
        background.drain();
        vm.showLatest();
        assertThat(vm.chart().lines()).isEmpty();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.readoutProperty().get()).isEmpty();
        assertThat(vm.isRunning()).isFalse();
    }

    @Test
    void compareAllExplainsEachKindAgainstUnsafeAndReportsAFailedRunInline() {
        LabViewModel vm = new LabViewModel(new SameThreadBackgroundExecutor(),
                kind -> kind == CounterKind.LOCK ? new ThrowingCounter() : kind.create());
        vm.workersProperty().set(2);
        vm.tasksProperty().set(2);
        vm.incrementsProperty().set(100_000);
        vm.compareAll();
        assertThat(vm.isRunning()).isFalse();
        assertThat(vm.rows()).extracting(r -> r.result().counter()).containsExactly(CounterKind.UNSAFE,
                CounterKind.SYNCHRONIZED, CounterKind.LOCK, CounterKind.ATOMIC, CounterKind.ADDER);
        assertThat(vm.rows().get(1).explanation()).startsWith("synchronized: 0 lost").containsPattern("(than|as fast as) unsafe");
        assertThat(vm.rows().get(2).result().status()).isEqualTo(RunStatus.FAILED);
        assertThat(vm.errorProperty().get()).contains("lock run failed").contains("boom");
    }

    @Test
    void theLockSwitchSaysItOnlySteersTheSwitchableCounterAndStopKeepsTheExactFigures() throws Exception {
        ConcurrentLinkedQueue<Runnable> fx = new ConcurrentLinkedQueue<>();
        LabViewModel vm = new LabViewModel(new ThreadedBackgroundExecutor("racelab-lab-test", fx::add));
        vm.counterProperty().set(CounterKind.ATOMIC);
        vm.workersProperty().set(2);
        vm.tasksProperty().set(2);
        vm.incrementsProperty().set(1_000_000_000);
        vm.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!vm.statusProperty().get().startsWith("Running atomic")) {
            assertThat(System.nanoTime()).as("the run did not start").isLessThan(deadline);
            drain(fx);
            Thread.sleep(5);
        }
        vm.lockOnProperty().set(true);
        assertThat(vm.statusProperty().get()).isEqualTo(
                "The lock switch steers the switchable counter; this atomic run keeps its own code path.");
        vm.stop();
        while (vm.isRunning()) {
            assertThat(System.nanoTime()).as("the run did not stop").isLessThan(deadline);
            drain(fx);
            Thread.sleep(5);
        }
        assertThat(vm.statusProperty().get()).startsWith("Stopped. atomic finished: ");
        assertThat(vm.rows()).singleElement().satisfies(r -> {
            assertThat(r.result().status()).isEqualTo(RunStatus.STOPPED);
            assertThat(r.result().lost()).isZero();
        });
        vm.dispose();
    }

    @Test
    void impossibleSettingsAndTypedNonsenseAreReportedInline() {
        LabViewModel vm = new LabViewModel(new SameThreadBackgroundExecutor());
        vm.counterProperty().set(CounterKind.UNSAFE);
        vm.workersProperty().set(0);
        vm.start();
        assertThat(vm.isRunning()).isFalse();
        assertThat(vm.errorProperty().get()).startsWith("Cannot start: ").contains("workers");
        vm.rejectInput("Workers: 'x' is not a whole number; kept 4.");
        assertThat(vm.errorProperty().get()).startsWith("Workers: 'x'");
        vm.acceptInput();
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    private static void drain(Queue<Runnable> fx) {
        for (Runnable r = fx.poll(); r != null; r = fx.poll()) {
            r.run();
        }
    }

    /** A counter that throws part-way, to check that failures are reported rather than hidden. */
    private static final class ThrowingCounter implements Counter {
        private final AtomicLong value = new AtomicLong();

        @Override
        public void increment() {
            if (value.incrementAndGet() == 50_000) {
                throw new IllegalStateException("boom");
            }
        }

        @Override
        public long get() {
            return value.get();
        }

        @Override
        public CounterKind kind() {
            return CounterKind.LOCK;
        }
    }
}
