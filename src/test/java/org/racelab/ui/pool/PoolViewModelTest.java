package org.racelab.ui.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.racelab.lab.SameThreadBackgroundExecutor;
import org.racelab.lab.pool.PoolRunResult;
import org.racelab.lab.pool.PoolSettings;
import org.racelab.lab.pool.PoolTestThreads;
import org.racelab.lab.pool.TaskKind;
import org.racelab.lab.pool.TaskState;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.racelab.lab.BackgroundExecutor;

class PoolViewModelTest {

    private final AtomicLong clock = new AtomicLong();
    private final PoolViewModel vm = new PoolViewModel(new SameThreadBackgroundExecutor(), clock::get);

    @AfterEach
    void noThreadLeft() throws Exception {
        vm.dispose();
        assertThat(PoolTestThreads.awaitNone(1_000)).as("left: %s", PoolTestThreads.alive()).isTrue();
    }

    private void small(TaskKind kind, int workers) {
        vm.tasksProperty().set(6);
        // Long enough that every worker's request overlaps the others' even on a loaded machine (at 20 ms, with
        // eight builds on two cores, the third worker sometimes started after the first had finished).
        vm.latencyMsProperty().set(100);
        vm.workersProperty().set(workers);
        vm.kindProperty().set(kind);
    }

    @Test
    void aRunPublishesItsGanttAndSummary() {
        small(TaskKind.IO, 3);
        vm.run();
        assertThat(vm.isRunning()).isFalse();
        PoolRunResult r = vm.lastRunProperty().get();
        assertThat(r.completed()).isTrue();
        assertThat(r.peakConcurrent()).isEqualTo(3);
        assertThat(vm.snapshotProperty().get().lanes()).isEqualTo(3);
        assertThat(vm.snapshotProperty().get().spans()).hasSize(6).allMatch(s -> s.state() == TaskState.IO);
        assertThat(vm.statusProperty().get()).startsWith("3 workers: ").contains("ideal 0.20 s")
                .contains("server peak 3 at once");
    }

    @Test
    void sequentialFillsTheBaselineAndTheSpeedUpIsMeasured() {
        small(TaskKind.IO, 6);
        vm.runSequential();
        vm.run();
        PoolRunResult seq = vm.sequentialRunProperty().get();
        assertThat(seq.sequential()).isTrue();
        assertThat(vm.sequentialSnapshotProperty().get().lanes()).isEqualTo(1);
        assertThat(PoolViewModel.speedUp(vm.lastRunProperty().get(), seq)).hasValueSatisfying(
                t -> assertThat(t).startsWith("The pool was ").contains("× faster than one thread"));
        // A different workload is not compared with the old baseline.
        vm.latencyMsProperty().set(10);
        vm.run();
        assertThat(PoolViewModel.speedUp(vm.lastRunProperty().get(), seq)).isEmpty();
    }

    @Test
    void sweepAddsOnePointPerWorkerCountWithPeakMinOfWorkersTasksAndCap() {
        small(TaskKind.IO, 1);
        vm.tasksProperty().set(5);
        vm.latencyMsProperty().set(100);
        vm.serverCapProperty().set(3);
        vm.sweep();
        assertThat(vm.sweepPoints()).extracting(PoolRunResult::workers).containsExactly(1, 2, 4, 8, 16, 32, 64);
        assertThat(vm.sweepPoints()).extracting(PoolRunResult::peakConcurrent).containsExactly(1, 2, 3, 3, 3, 3, 3);
        assertThat(vm.statusProperty().get()).startsWith("Sweep: 1: ").contains("Fastest at");
    }

    @Test
    void badSettingsShowAnErrorAndRunNothing() {
        vm.tasksProperty().set(0);
        vm.run();
        assertThat(vm.errorProperty().get()).isEqualTo("tasks must be between 1 and 1000, got 0");
        assertThat(vm.lastRunProperty().get()).isNull();
    }

    @Test
    void presetsSetSlideTwo() {
        vm.presetSlide2();
        assertThat(vm.settings()).isEqualTo(PoolSettings.slide2());
        vm.presetClassroom();
        assertThat(vm.settings()).isEqualTo(new PoolSettings(100, 100, 10, TaskKind.IO, false, 0));
        assertThat(PoolViewModel.workersFormula(2)).isEqualTo("min(32, 2 + 4) = 6");
        assertThat(PoolViewModel.workersFormula(64)).isEqualTo("min(32, 64 + 4) = 32");
    }

    @Test
    void ordersAndThreadCostArriveAsResults() {
        vm.runOrders();
        assertThat(vm.ordersProperty().get().mapRaised()).hasValueSatisfying(m -> assertThat(m).contains("task 2 failed"));
        vm.costThreadsProperty().set(100);
        vm.measureThreadCost();
        assertThat(vm.threadCostProperty().get().createdThreads()).isEqualTo(1_000);
        assertThat(PoolPanes.costText(vm.threadCostProperty().get(), 0)).startsWith("median ").contains("1,000 threads");
        vm.costThreadsProperty().set(50);
        vm.measureThreadCost();
        assertThat(vm.errorProperty().get()).contains("between 100 and 10000");
    }

    @Test
    void tickPublishesTheLiveRunAtMostEveryFortyMillisecondsOfTheInjectedClock() {
        HeldBackgroundExecutor manual = new HeldBackgroundExecutor();
        PoolViewModel live = new PoolViewModel(manual, clock::get);
        live.tasksProperty().set(2);
        live.latencyMsProperty().set(10);
        live.run();
        assertThat(live.isRunning()).isTrue();
        var first = live.snapshotProperty().get();
        clock.set(1_000_000_000L);
        live.tick();
        var second = live.snapshotProperty().get();
        assertThat(second).isNotSameAs(first);
        clock.addAndGet(39_000_000L);
        live.tick();
        assertThat(live.snapshotProperty().get()).isSameAs(second);
        clock.addAndGet(2_000_000L);
        live.tick();
        assertThat(live.snapshotProperty().get()).isNotSameAs(second);
        live.stop();
        assertThat(manual.cancelled).isTrue();
        assertThat(live.isRunning()).isFalse();
        assertThat(live.statusProperty().get()).isEqualTo("Stopped.");
        live.dispose();
    }

    /** Holds submitted work and never runs it: the run stays "running" for as long as the test likes. */
    private static final class HeldBackgroundExecutor implements BackgroundExecutor {
        boolean cancelled;

        @Override
        public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess,
                Consumer<? super Throwable> onFailure) {
            return new Cancellable() {
                @Override
                public void cancel() {
                    cancelled = true;
                }

                @Override
                public boolean isDone() {
                    return cancelled;
                }
            };
        }

        @Override
        public Executor handoff() {
            return Runnable::run;
        }

        @Override
        public void close() {
        }
    }
}
